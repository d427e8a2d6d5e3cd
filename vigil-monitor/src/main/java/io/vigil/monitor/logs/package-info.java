/**
 * Licence-server request logs and their group anomalies, kept in the monitor database: {@link
 * io.vigil.monitor.logs.LogStore} appends entries (table {@code log_entries}, ids assigned on ingest, identifiers
 * pseudonymised), {@link io.vigil.monitor.logs.LogAnomalies} cuts them into groups, fits and refits a
 * {@link io.vigil.core.loggroup.LogGroupModel}, scores each group as it completes and keeps the flagged ones
 * ({@code log_anomalies}) with the reason sentence and top features. Not every entry of a flagged group is bad:
 * the model judges requests together.
 */
package io.vigil.monitor.logs;
