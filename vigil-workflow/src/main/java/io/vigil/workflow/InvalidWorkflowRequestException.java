package io.vigil.workflow;

/** A request breaks a rule; fix {@link #field()} (an option, JSON field or parameter name) and send it again. */
public class InvalidWorkflowRequestException extends IllegalArgumentException {
    private final String field;

    public InvalidWorkflowRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
