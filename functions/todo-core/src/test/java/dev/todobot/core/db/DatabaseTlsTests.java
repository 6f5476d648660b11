package dev.todobot.core.db;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.todobot.core.error.DatabaseUnavailableException;
import dev.todobot.core.user.User;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The database link follows libpq's {@code sslmode}, over both connections the functions
 * make: the reactive pool the requests use and the JDBC connection the migrations use. A
 * PostgreSQL serves TLS with a certificate for {@code localhost} only, signed by a CA
 * made for the test; another CA signed nothing of it.
 */
class DatabaseTlsTests {

	/** Fails fast: a refused link is not worth retrying. */
	private static final PoolSettings POOL = new PoolSettings(2, Duration.ofSeconds(5), 0, Duration.ofMillis(100),
			Duration.ofSeconds(10), Duration.ofSeconds(10));

	@TempDir
	static Path files;

	private static EmbeddedPostgres postgres;

	private static String serverCa;

	private static String otherCa;

	@BeforeAll
	static void startTlsDatabase() throws IOException {
		TestCertificates authority = TestCertificates.authority("todo test CA");
		serverCa = authority.writeCertificate(files.resolve("ca.crt")).toString();
		otherCa = TestCertificates.authority("another CA").writeCertificate(files.resolve("other-ca.crt")).toString();
		Path certificate = files.resolve("server.crt");
		Path key = files.resolve("server.key");
		authority.issueServerCertificate(certificate, key, "localhost");
		postgres = EmbeddedPostgres.builder()
			.setServerConfig("ssl", "on")
			.setServerConfig("ssl_cert_file", certificate.toString())
			.setServerConfig("ssl_key_file", key.toString())
			.start();
	}

	@AfterAll
	static void stopTlsDatabase() throws IOException {
		postgres.close();
	}

	@Test
	void disableConnectsInTheClear() {
		DatabaseSettings settings = at("localhost", "disable", null);
		assertThat(encrypted(settings)).isFalse();
		DatabaseMigrations.migrate(settings);
	}

	@Test
	void requireEncryptsWithoutCheckingTheCertificate() {
		DatabaseSettings settings = at("127.0.0.1", "require", null);
		assertThat(encrypted(settings)).isTrue();
		DatabaseMigrations.migrate(settings);
	}

	@Test
	void requireWithARootCertificateChecksTheChainAsLibpqDoes() {
		refused(at("localhost", "require", otherCa));
	}

	@Test
	void verifyCaConnectsWhenTheRightCaSignedTheCertificateWhateverItsName() {
		DatabaseSettings settings = at("127.0.0.1", "verify-ca", serverCa);
		assertThat(encrypted(settings)).isTrue();
		DatabaseMigrations.migrate(settings);
	}

	@Test
	void verifyCaRefusesACertificateAnotherCaSigned() {
		refused(at("localhost", "verify-ca", otherCa));
	}

	@Test
	void verifyFullConnectsWhenTheCertificateNamesTheHost() {
		DatabaseSettings settings = at("localhost", "verify-full", serverCa);
		assertThat(encrypted(settings)).isTrue();
		DatabaseMigrations.migrate(settings);
	}

	@Test
	void verifyFullRefusesAHostNameTheCertificateDoesNotName() {
		DatabaseSettings settings = at("127.0.0.1", "verify-full", serverCa);
		refused(settings);
		assertThatExceptionOfType(DatabaseMigrations.DatabaseLinkRefusedException.class)
			.isThrownBy(() -> DatabaseMigrations.migrate(settings))
			.withMessageContaining("127.0.0.1");
	}

	@Test
	void verifyFullWithoutARootCertificateTrustsTheJvmsCasOnly() {
		refused(at("localhost", "verify-full", null));
		refused(at("localhost", "verify-full", "system"));
	}

	@Test
	void aRootCertificateFileThatIsNotThereStopsTheStart() {
		DatabaseSettings settings = at("localhost", "verify-full", files.resolve("missing.crt").toString());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReactiveDatabase.sessionFactory(settings, POOL, List.of(User.class)))
			.withMessageContaining("missing.crt");
	}

	private static DatabaseSettings at(String host, String sslMode, String sslRootCert) {
		return new DatabaseSettings(host, postgres.getPort(), "postgres", "postgres", "postgres", sslMode, sslRootCert);
	}

	/**
	 * Whether the pool's connection is encrypted, as the server sees it.
	 */
	private static boolean encrypted(DatabaseSettings settings) {
		try (Database database = new Database(ReactiveDatabase.sessionFactory(settings, POOL, List.of(User.class)))) {
			return database
				.read((session) -> session
					.createNativeQuery("select ssl from pg_stat_ssl where pid = pg_backend_pid()", Boolean.class)
					.getSingleResult())
				.block(Duration.ofSeconds(30));
		}
	}

	/**
	 * Both connections refuse the link: requests answer 503, and the migrations stop with
	 * what was refused.
	 */
	private static void refused(DatabaseSettings settings) {
		try (Database database = new Database(ReactiveDatabase.sessionFactory(settings, POOL, List.of(User.class)))) {
			assertThatExceptionOfType(DatabaseUnavailableException.class)
				.isThrownBy(() -> database.ping().block(Duration.ofSeconds(30)));
		}
		assertThatExceptionOfType(DatabaseMigrations.DatabaseLinkRefusedException.class)
			.isThrownBy(() -> DatabaseMigrations.migrate(settings))
			.withMessageContaining("was refused")
			.withMessageContaining("sslmode=" + settings.sslMode());
	}

}
