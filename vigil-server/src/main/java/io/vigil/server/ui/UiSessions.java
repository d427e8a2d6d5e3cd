package io.vigil.server.ui;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.vigil.server.BearerAuth;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions for the UI when the server has an API key: the key is asked for once on the login page, and
 * the browser then holds only a random session id in an HttpOnly, SameSite=Strict cookie (so other sites can
 * neither read it nor send it along). Sessions live in memory and end after {@link #LIFETIME}, on logout or when
 * the server stops.
 */
public final class UiSessions {
    static final String COOKIE = "vigil_session";
    static final Duration LIFETIME = Duration.ofHours(12);

    private final BearerAuth key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    /** @param key the server's API key check, or null when the server has no key (then everyone is signed in) */
    public UiSessions(BearerAuth key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** Whether the UI asks for a key at all. */
    public boolean enabled() {
        return key != null;
    }

    /** Whether the request carries a live session (always true without a key). */
    public boolean signedIn(Context ctx) {
        if (key == null) {
            return true;
        }
        String id = ctx.cookie(COOKIE);
        if (id == null) {
            return false;
        }
        Instant expiry = expiries.get(id);
        if (expiry == null) {
            return false;
        }
        if (!clock.instant().isBefore(expiry)) {
            expiries.remove(id);
            return false;
        }
        return true;
    }

    /** Starts a session when {@code given} is the API key; false (and nothing set) otherwise. */
    public boolean logIn(Context ctx, String given) {
        if (key == null || !key.matches(given)) {
            return false;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        expiries.put(id, now.plus(LIFETIME));
        expiries.values().removeIf(e -> !now.isBefore(e));
        ctx.cookie(cookie(id, (int) LIFETIME.toSeconds()));
        return true;
    }

    public void logOut(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id != null) {
            expiries.remove(id);
        }
        ctx.cookie(cookie("", 0));
    }

    private static Cookie cookie(String value, int maxAgeSeconds) {
        Cookie c = new Cookie(COOKIE, value, "/", maxAgeSeconds, false, true, null, SameSite.STRICT);
        c.setHttpOnly(true);
        c.setSameSite(SameSite.STRICT);
        return c;
    }
}
