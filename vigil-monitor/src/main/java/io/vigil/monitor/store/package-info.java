/**
 * The embedded DuckDB database of the monitor module: one file, opened once per process, holding traffic
 * ({@code traffic}), monitor definitions ({@code monitors}, the typed definition kept as JSON), monitor runs
 * ({@code runs}, {@code condition_results}) and every notification attempt ({@code action_attempts}).
 */
package io.vigil.monitor.store;
