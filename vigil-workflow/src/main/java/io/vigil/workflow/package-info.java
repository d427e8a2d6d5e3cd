/**
 * The dataset → detector → run workflow that REST, CLI and the web UI share: datasets imported from CSV or
 * Parquet and kept as Parquet files, named detectors, and background runs with progress, cancel, stored results,
 * metrics against a label column, result pages and chart data. Everything lives as files under
 * {@code <data-dir>/workflow/}, so a CLI and a running server can use one data directory. Entry point:
 * {@link io.vigil.workflow.Workflow}.
 */
package io.vigil.workflow;
