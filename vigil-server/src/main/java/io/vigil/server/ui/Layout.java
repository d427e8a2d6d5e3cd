package io.vigil.server.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * The page around every UI page: head (our CSS, htmx, Chart.js and our chart script), the navigation, the main
 * area. Navigation is the list {@link #NAV}: a new page adds its entry there and nowhere else.
 */
final class Layout {
    /** A navigation entry: the path it opens and the words shown. */
    record NavItem(String path, String label) {
    }

    static final List<NavItem> NAV = List.of(
            new NavItem("/", "Home"),
            new NavItem("/ui/models", "Models"),
            new NavItem("/ui/monitors", "Monitors"),
            new NavItem("/ui/traffic", "Traffic"),
            new NavItem("/ui/streams", "Streams"),
            new NavItem("/ui/datasets", "Datasets"),
            new NavItem("/ui/detectors", "Detectors"),
            new NavItem("/ui/runs", "Runs"),
            new NavItem("/ui/compare", "Compare"),
            new NavItem("/ui/log-anomalies", "Log anomalies"));

    static final String HTMX = "/webjars/htmx.org/" + webjarVersion("htmx.org") + "/dist/htmx.min.js";
    static final String CHART_JS = "/webjars/chart.js/" + webjarVersion("chart.js") + "/dist/chart.umd.min.js";

    /** htmx 2 leaves 4xx/5xx answers unswapped by default; ours carry the words the user must see, so swap them. */
    private static final String HTMX_CONFIG = "{\"responseHandling\":[{\"code\":\"204\",\"swap\":false},"
            + "{\"code\":\"[2345]..\",\"swap\":true}]}";

    private Layout() {
    }

    /**
     * A whole page.
     *
     * @param title   the page's title, escaped here
     * @param active  the {@link NavItem#path()} to mark as current; null for no navigation (the login page)
     * @param body    the main content, already escaped HTML
     * @param logout  whether to offer the log-out button (only when the server asks for a key)
     */
    static String page(String title, String active, String body, boolean logout) {
        StringBuilder nav = new StringBuilder();
        for (NavItem item : active == null ? List.<NavItem>of() : NAV) {
            boolean current = item.path().equals(active);
            nav.append("<li><a href=\"").append(Html.escape(item.path())).append('"')
                    .append(current ? " aria-current=\"page\"" : "").append('>')
                    .append(Html.escape(item.label())).append("</a></li>");
        }
        String logoutForm = logout ? """
                <form method="post" action="/ui/logout" class="logout"><button type="submit">Log out</button></form>"""
                : "";
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="htmx-config" content='%s'>
                <title>%s · Vigil</title>
                <link rel="stylesheet" href="/ui/assets/vigil.css">
                <script src="%s" defer></script>
                <script src="%s" defer></script>
                <script src="/ui/assets/vigil.js" defer></script>
                </head>
                <body>
                <a class="skip" href="#main">Skip to content</a>
                <header class="top">
                <nav aria-label="Main">
                <a class="brand" href="/">Vigil</a>
                <input type="checkbox" id="nav-toggle" class="nav-toggle" aria-label="Show navigation">
                <label for="nav-toggle" class="nav-toggle-label" aria-hidden="true">Menu</label>
                <ul class="nav-links">%s</ul>
                %s
                </nav>
                </header>
                <main id="main">
                <h1>%s</h1>
                %s
                </main>
                </body>
                </html>
                """.formatted(Html.escape(HTMX_CONFIG), Html.escape(title), HTMX, CHART_JS, nav, logoutForm,
                Html.escape(title), body);
    }

    private static String webjarVersion(String artifact) {
        String resource = "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = Layout.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the " + artifact + " webjar is missing from the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
