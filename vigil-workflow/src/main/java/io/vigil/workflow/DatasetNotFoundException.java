package io.vigil.workflow;

/** No dataset has that id; list datasets to see which do. */
public final class DatasetNotFoundException extends WorkflowNotFoundException {
    public DatasetNotFoundException(String id) {
        super("no dataset '" + id + "'; list datasets to see the ones there are");
    }
}
