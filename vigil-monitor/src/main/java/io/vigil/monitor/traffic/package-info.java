/**
 * Gateway traffic: the record format, the JSON/NDJSON ingest parser and the DuckDB-backed store with per-record
 * validation and a retention purge.
 */
package io.vigil.monitor.traffic;
