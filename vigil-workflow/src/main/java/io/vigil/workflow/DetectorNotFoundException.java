package io.vigil.workflow;

/** No named detector has that name; list detectors to see which do. */
public final class DetectorNotFoundException extends WorkflowNotFoundException {
    public DetectorNotFoundException(String name) {
        super("no detector '" + name + "'; list detectors to see the ones there are");
    }
}
