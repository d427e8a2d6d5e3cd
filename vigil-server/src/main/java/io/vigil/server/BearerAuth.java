package io.vigil.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks {@code Authorization: Bearer <key>}. Both keys are hashed before the comparison, and the digests compared
 * with {@link MessageDigest#isEqual}, so the time taken reveals neither how much of the key matched nor its length.
 */
public final class BearerAuth {
    private final byte[] expected;

    public BearerAuth(String apiKey) {
        this.expected = sha256(apiKey);
    }

    /** @throws UnauthorizedException when the header is missing, not a bearer token, or the wrong key */
    public void check(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new UnauthorizedException("this server needs an API key: send the header "
                    + "'Authorization: Bearer <key>' with the key the server was started with (VIGIL_API_KEY)");
        }
        String prefix = "Bearer ";
        if (!authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw new UnauthorizedException("the Authorization header must be 'Bearer <key>'");
        }
        if (!matches(authorization.substring(prefix.length()).trim())) {
            throw new UnauthorizedException("the API key is not valid");
        }
    }

    /** Whether {@code key} is the API key, in time that reveals neither a matching prefix nor the key's length. */
    public boolean matches(String key) {
        return key != null && MessageDigest.isEqual(expected, sha256(key));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
