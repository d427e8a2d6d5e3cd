/**
 * Monitor runs: performing a run (evaluate, store, notify on incident transitions), the results API over stored
 * runs, and backtests that replay a monitor over stored traffic without storing or sending anything.
 */
package io.vigil.monitor.run;
