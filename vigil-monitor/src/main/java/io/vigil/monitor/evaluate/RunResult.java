package io.vigil.monitor.evaluate;

/**
 * Overall outcome of a run: MET when at least one condition is met, ERROR when every condition failed to evaluate
 * (bad data, no traffic), otherwise NOT_MET.
 */
public enum RunResult {
    MET, NOT_MET, ERROR
}
