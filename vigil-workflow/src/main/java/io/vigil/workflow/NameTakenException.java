package io.vigil.workflow;

/** A dataset or detector of that name exists already: choose another name or delete the old one first. */
public final class NameTakenException extends RuntimeException {
    private final String field;

    public NameTakenException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
