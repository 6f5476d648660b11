package dev.todobot.core.db;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made for one test run, and server certificates it signs.
 */
final class TestCertificates {

	private final String name;

	private final KeyPair keys;

	private final X509Certificate certificate;

	private TestCertificates(String name, KeyPair keys, X509Certificate certificate) {
		this.name = name;
		this.keys = keys;
		this.certificate = certificate;
	}

	/**
	 * A new self-signed CA.
	 * @param name its common name
	 * @return the CA
	 */
	static TestCertificates authority(String name) {
		KeyPair keys = newKeys();
		X500Name subject = new X500Name("CN=" + name);
		X509v3CertificateBuilder builder = builder(subject, subject, keys);
		try {
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new TestCertificates(name, keys, sign(builder, keys));
	}

	/**
	 * Writes this CA's certificate as PEM, as {@code sslrootcert} reads it.
	 * @param file where
	 * @return the file
	 */
	Path writeCertificate(Path file) {
		return writePem(file, this.certificate);
	}

	/**
	 * Issues a server certificate for the DNS names given, and writes it and its key as
	 * PostgreSQL's {@code ssl_cert_file} and {@code ssl_key_file} want them (the key
	 * readable by its owner only, or the server refuses it).
	 * @param certificateFile where the certificate goes
	 * @param keyFile where the key goes
	 * @param dnsNames the names it is valid for
	 */
	void issueServerCertificate(Path certificateFile, Path keyFile, String... dnsNames) {
		KeyPair serverKeys = newKeys();
		X509v3CertificateBuilder builder = builder(new X500Name("CN=" + this.name), new X500Name("CN=" + dnsNames[0]),
				serverKeys);
		GeneralName[] names = new GeneralName[dnsNames.length];
		for (int i = 0; i < dnsNames.length; i++) {
			names[i] = new GeneralName(GeneralName.dNSName, dnsNames[i]);
		}
		try {
			builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names))
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		writePem(certificateFile, sign(builder, this.keys));
		writePem(keyFile, serverKeys.getPrivate());
		try {
			Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair subjectKeys) {
		Instant now = Instant.now();
		return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli()),
				Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject,
				subjectKeys.getPublic());
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys) {
		try {
			return new JcaX509CertificateConverter().getCertificate(
					builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair newKeys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path writePem(Path file, Object object) {
		StringWriter pem = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
			writer.writeObject(object);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			return Files.writeString(file, pem.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
