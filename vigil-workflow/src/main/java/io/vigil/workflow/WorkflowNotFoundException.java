package io.vigil.workflow;

/** A dataset, detector or run of that name or id does not exist: check the name or list what does. */
public abstract class WorkflowNotFoundException extends RuntimeException {
    protected WorkflowNotFoundException(String message) {
        super(message);
    }
}
