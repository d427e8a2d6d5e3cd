package io.vigil.cli;

import java.net.URI;

/** No Vigil server answers at the URL: start one or point --url at one. */
final class ServerUnreachableException extends RuntimeException {
    ServerUnreachableException(URI base) {
        this(base, "connection refused");
    }

    ServerUnreachableException(URI base, String reason) {
        super("no Vigil server answers at " + base + " (" + reason + "); start one with './vigil serve' or pass "
                + "--url (env VIGIL_URL)");
    }
}
