package io.vigil.workflow;

/** The run has no results yet (queued, running) or never will (failed, cancelled): wait for it or run again. */
public final class RunNotFinishedException extends RuntimeException {
    public RunNotFinishedException(String id, RunState state) {
        super("run '" + id + "' is " + state.jsonName() + (state == RunState.QUEUED || state == RunState.RUNNING
                ? "; its results are ready once it has succeeded" : " and has no results; start a new run"));
    }
}
