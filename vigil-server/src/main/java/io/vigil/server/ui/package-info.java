/**
 * The web UI served from {@code /}: server-rendered HTML pages over the same services the REST API calls
 * ({@link io.vigil.server.AnomalyService}, {@link io.vigil.monitor.MonitorSystem},
 * {@link io.vigil.server.StreamService}, {@link io.vigil.workflow.Workflow} and the log analysis), htmx for
 * partial updates and Chart.js for charts, both from webjars on the classpath so the UI works offline with nothing
 * to build.
 *
 * <p>{@link io.vigil.server.ui.WebUi} registers the routes: pages at {@code /} and {@code /ui/...}, fragments and
 * chart JSON under {@code /ui/...}. They are not API routes, so they stay out of {@code openapi.json} and of
 * {@link io.vigil.server.VigilServer#routes()}. Every user string reaches the page through
 * {@link io.vigil.server.ui.Html#escape}. With an API key configured, {@link io.vigil.server.ui.UiSessions} keeps
 * a server-side session per browser after one login; {@code /v1} stays guarded by the bearer header only.
 */
package io.vigil.server.ui;
