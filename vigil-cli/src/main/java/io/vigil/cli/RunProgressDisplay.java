package io.vigil.cli;

import io.vigil.workflow.RunInfo;
import io.vigil.workflow.RunProgress;
import io.vigil.workflow.Workflow;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Follows a run until it ends: a progress bar (per mille, with the phase and rows) on a terminal, plain lines
 * otherwise, one per phase and per tenth of the way, so logs stay short.
 */
final class RunProgressDisplay {
    private static final Duration POLL = Duration.ofMillis(200);

    private RunProgressDisplay() {
    }

    static RunInfo follow(Workflow workflow, String runId, PrintWriter out, boolean terminal)
            throws InterruptedException {
        if (!terminal) {
            return lines(workflow, runId, out);
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(runId).setInitialMax(1000)
                .setStyle(ProgressBarStyle.ASCII).hideEta().build()) {
            RunInfo run = workflow.runs().get(runId);
            while (!run.state().finished()) {
                run = workflow.runs().await(runId, POLL);
                RunProgress p = run.progress();
                bar.stepTo(Math.round(p.percent() * 10));
                bar.setExtraMessage(" " + p.phase() + (p.rowsTotal() > 0 ? " " + p.rowsDone() + "/" + p.rowsTotal()
                        + " rows" : ""));
            }
            return run;
        }
    }

    private static RunInfo lines(Workflow workflow, String runId, PrintWriter out) throws InterruptedException {
        RunInfo run = workflow.runs().get(runId);
        String phase = "";
        int tenth = -1;
        while (true) {
            RunProgress p = run.progress();
            int nowTenth = (int) (p.percent() / 10);
            if (!p.phase().equals(phase) || nowTenth > tenth) {
                out.printf(Locale.ROOT, "%s  %-10s %5.1f%%  %d/%d rows%n", runId, p.phase(), p.percent(), p.rowsDone(),
                        p.rowsTotal());
                out.flush();
                phase = p.phase();
                tenth = nowTenth;
            }
            if (run.state().finished()) {
                return run;
            }
            run = workflow.runs().await(runId, POLL);
        }
    }
}
