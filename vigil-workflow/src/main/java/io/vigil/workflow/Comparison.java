package io.vigil.workflow;

import java.util.List;

/** Several detectors run on one labelled dataset, their metrics side by side in the order asked. */
public record Comparison(String dataset, String labelColumn, List<Entry> results) {

    /** One detector's run: its metrics when it succeeded, else its state and message. */
    public record Entry(String detector, String algorithm, String run, RunState state, String message,
                        RunMetrics metrics, RunSummary summary) {
    }
}
