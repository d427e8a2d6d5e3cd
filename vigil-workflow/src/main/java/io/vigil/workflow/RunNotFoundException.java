package io.vigil.workflow;

/** No run has that id; list runs to see which do. */
public final class RunNotFoundException extends WorkflowNotFoundException {
    public RunNotFoundException(String id) {
        super("no run '" + id + "'; list runs to see the ones there are");
    }
}
