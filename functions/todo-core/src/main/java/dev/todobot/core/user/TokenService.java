package dev.todobot.core.user;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.todobot.core.error.UnauthenticatedException;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Issues and verifies the HS256 bearer tokens that every function accepts. Only HS256
 * with the shared key is accepted: unsigned ({@code alg: none}), foreign, forged and
 * expired tokens are refused.
 * <p>
 * A client sends the same token with every request, so a verified token is remembered
 * until it expires: its next requests skip the parsing and the HMAC, which were a tenth
 * of a {@code listTasks} request's CPU time. Only an identical token string matches, and
 * the memory is bounded.
 */
public class TokenService {

	/** Tokens name this issuer; tokens of other issuers are refused. */
	public static final String ISSUER = "todo-chatbot";

	/** A key shorter than this is refused at start: HS256 needs 256 bits. */
	public static final int MIN_SECRET_BYTES = 32;

	/** How many verified tokens are remembered at most; beyond it, all are forgotten. */
	private static final int MAX_REMEMBERED_TOKENS = 1_000;

	/**
	 * The only shape of token this service issues: three unpadded base64url parts, the
	 * last an HS256 signature of 43 characters, at most 2,048 characters in all. The JOSE
	 * parser would also accept the same token with characters it skips, so without this
	 * check one valid token could be remembered again and again under new strings.
	 */
	private static final Pattern COMPACT_HS256 = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");

	private static final int MAX_TOKEN_LENGTH = 2048;

	private final JwtEncoder encoder;

	private final JwtDecoder decoder;

	private final Duration lifetime;

	private final Clock clock;

	private final Map<String, VerifiedToken> verified = new ConcurrentHashMap<>();

	/**
	 * @param secret the HS256 key, at least 32 bytes
	 * @param lifetime how long a token is valid
	 * @param clock tells the time of issue
	 */
	public TokenService(String secret, Duration lifetime, Clock clock) {
		if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
			throw new IllegalArgumentException("JWT_SECRET must be set to at least " + MIN_SECRET_BYTES
					+ " bytes (for example: openssl rand -hex 32)");
		}
		if (lifetime.isNegative() || lifetime.isZero()) {
			throw new IllegalArgumentException("token lifetime must be positive, not " + lifetime);
		}
		SecretKey key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator();
		timestamps.setClock(clock);
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(timestamps, new JwtIssuerValidator(ISSUER)));
		this.decoder = decoder;
		this.lifetime = lifetime;
		this.clock = clock;
	}

	/**
	 * Issues a token for a user.
	 * @param user the user
	 * @return the compact JWT
	 */
	public String issue(UserView user) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(Long.toString(user.id()))
			.claim("email", user.email())
			.claim("zone", user.timeZone())
			.issuedAt(now)
			.expiresAt(now.plus(this.lifetime))
			.build();
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	/**
	 * Verifies an {@code Authorization} header value.
	 * @param authorization {@code Bearer <token>}, or {@code null}
	 * @return the user the token stands for
	 * @throws UnauthenticatedException when the header is missing or the token is not
	 * valid
	 */
	public AuthenticatedUser authenticate(String authorization) {
		if (authorization == null || authorization.isBlank()) {
			throw new UnauthenticatedException("Sign in first: send Authorization: Bearer <token>");
		}
		String credentials = authorization.strip();
		int space = firstWhitespace(credentials);
		if (space < 0 || !credentials.substring(0, space).equalsIgnoreCase("Bearer")) {
			throw new UnauthenticatedException("The Authorization header must be: Bearer <token>");
		}
		return verify(credentials.substring(space).strip());
	}

	private static int firstWhitespace(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isWhitespace(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Verifies a token.
	 * @param token the compact JWT
	 * @return the user it stands for
	 * @throws UnauthenticatedException when the token is not valid
	 */
	public AuthenticatedUser verify(String token) {
		// a token remembered here passed every check below: per request only the lookup
		VerifiedToken known = this.verified.get(token);
		if (known != null) {
			if (this.clock.instant().isBefore(known.expiresAt())) {
				return known.user();
			}
			this.verified.remove(token);
		}
		if (token.length() > MAX_TOKEN_LENGTH || !COMPACT_HS256.matcher(token).matches()) {
			throw new UnauthenticatedException("The token is invalid or expired; sign in again");
		}
		try {
			Jwt jwt = this.decoder.decode(token);
			// a token issued before zones were kept counts days in UTC
			String zone = jwt.hasClaim("zone") ? jwt.getClaimAsString("zone") : TimeZones.UTC;
			AuthenticatedUser user = new AuthenticatedUser(Long.parseLong(jwt.getSubject()),
					jwt.getClaimAsString("email"), ZoneId.of(zone));
			if (jwt.getExpiresAt() != null) {
				if (this.verified.size() >= MAX_REMEMBERED_TOKENS) {
					this.verified.clear();
				}
				this.verified.put(token, new VerifiedToken(user, jwt.getExpiresAt()));
			}
			return user;
		}
		catch (JwtException | NumberFormatException | DateTimeException ex) {
			throw new UnauthenticatedException("The token is invalid or expired; sign in again");
		}
	}

	private record VerifiedToken(AuthenticatedUser user, Instant expiresAt) {
	}

}
