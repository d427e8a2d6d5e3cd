package io.vigil.workflow;

/**
 * A run as stored in {@code workflow/runs/<id>/run.json} and as the API shows it.
 *
 * @param detectorSpec the detector as it was when the run started, so later edits do not rewrite history
 * @param message      why it failed, or null
 * @param summary      set once succeeded
 * @param metrics      set once succeeded on a dataset with a label column
 * @param pid          the process that runs it, to tell a live run from one whose process died
 */
public record RunInfo(String id, String detector, String algorithm, String dataset, RunState state, String message,
                      String createdAt, String startedAt, String finishedAt, RunProgress progress,
                      RunSummary summary, RunMetrics metrics, DetectorSpec detectorSpec, long pid) {

    RunInfo with(RunState newState, RunProgress newProgress) {
        return new RunInfo(id, detector, algorithm, dataset, newState, message, createdAt, startedAt, finishedAt,
                newProgress, summary, metrics, detectorSpec, pid);
    }

    RunInfo started(String at) {
        return new RunInfo(id, detector, algorithm, dataset, RunState.RUNNING, message, createdAt, at, finishedAt,
                progress, summary, metrics, detectorSpec, pid);
    }

    RunInfo finished(RunState end, String why, String at, RunSummary s, RunMetrics m) {
        return new RunInfo(id, detector, algorithm, dataset, end, why, createdAt, startedAt, at,
                end == RunState.SUCCEEDED ? new RunProgress("done", progress.rowsTotal(), progress.rowsTotal(), 100)
                        : progress, s, m, detectorSpec, pid);
    }
}
