package io.vigil.cli;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.Option;

/** Where a running {@code vigil serve} listens and the key it wants: the options of every command that calls it. */
final class ServerApiOptions {
    @Option(names = "--url", defaultValue = "${env:VIGIL_URL:-http://127.0.0.1:11540}", paramLabel = "URL",
            description = "Base URL of a running 'vigil serve' (env VIGIL_URL; default: http://127.0.0.1:11540).")
    String url;

    @Option(names = "--api-key", defaultValue = "${env:VIGIL_API_KEY}", paramLabel = "KEY",
            description = "API key sent as 'Authorization: Bearer KEY' (env VIGIL_API_KEY).")
    String apiKey;

    /**
     * A client for {@link #url}.
     *
     * @throws UserInputException when --url is not an absolute http(s) URL
     */
    VigilApiClient client() {
        URI base;
        try {
            base = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new UserInputException("--url '" + url + "' is not a URL; use e.g. http://127.0.0.1:11540");
        }
        if (base.getScheme() == null || !(base.getScheme().equals("http") || base.getScheme().equals("https"))
                || base.getHost() == null) {
            throw new UserInputException("--url must be an absolute http(s) URL such as http://127.0.0.1:11540, got '"
                    + url + "'");
        }
        return new VigilApiClient(base, apiKey == null || apiKey.isBlank() ? null : apiKey.trim());
    }
}
