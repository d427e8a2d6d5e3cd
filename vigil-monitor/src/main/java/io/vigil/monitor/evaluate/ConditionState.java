package io.vigil.monitor.evaluate;

/** Outcome of one condition in one run. */
public enum ConditionState {
    MET, NOT_MET, ERROR
}
