package io.vigil.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs under {@code workflow/runs/<id>/}: {@code run.json}, then {@code results.parquet} and {@code charts.json}
 * once succeeded. Runs execute on the service's executor; while one is live its progress is read from memory,
 * afterwards from its file.
 */
public final class Runs {
    static final String RUN_FILE = "run.json";
    static final String CHARTS_FILE = "charts.json";

    private final Path dir;
    private final Datasets datasets;
    private final Detectors detectors;
    private final Clock clock;
    private final ExecutorService executor;
    private final int threads;
    private final Map<String, RunJob> live = new ConcurrentHashMap<>();

    Runs(Path dir, Datasets datasets, Detectors detectors, Clock clock, ExecutorService executor, int threads) {
        this.dir = dir;
        this.datasets = datasets;
        this.detectors = detectors;
        this.clock = clock;
        this.executor = executor;
        this.threads = threads;
        failOrphans();
    }

    /**
     * Queues a run of a named detector on a dataset; the detector's columns are checked against the dataset now,
     * so a mismatch is a bad request rather than a failed run.
     */
    public RunInfo start(String detectorName, String datasetId) {
        if (detectorName == null || detectorName.isBlank()) {
            throw new InvalidWorkflowRequestException("detector", "detector is required: the name of a detector");
        }
        if (datasetId == null || datasetId.isBlank()) {
            throw new InvalidWorkflowRequestException("dataset", "dataset is required: the id of a dataset");
        }
        DetectorSpec spec = detectors.get(detectorName);
        DatasetInfo dataset = datasets.get(datasetId);
        try {
            Datasets.featureColumns(dataset, spec.columns(), spec.exclude());
        } catch (InvalidWorkflowRequestException e) {
            throw new InvalidWorkflowRequestException("detector", "detector '" + spec.name() + "' does not fit "
                    + "dataset '" + dataset.id() + "': " + e.getMessage());
        }
        String id = "run-" + HexFormat.of().formatHex(longBytes(ThreadLocalRandom.current().nextLong()), 0, 6);
        RunInfo info = new RunInfo(id, spec.name(), spec.algorithm(), dataset.id(), RunState.QUEUED, null,
                clock.instant().toString(), null, null, RunProgress.QUEUED, null, null, spec,
                ProcessHandle.current().pid());
        Path runDir = dir.resolve(id);
        try {
            Files.createDirectories(runDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + runDir, e);
        }
        RunJob job = new RunJob(info, runDir, datasets, detectors, clock, threads,
                i -> WorkflowJson.write(runDir.resolve(RUN_FILE), i));
        WorkflowJson.write(runDir.resolve(RUN_FILE), info);
        live.put(id, job);
        job.done.whenComplete((r, e) -> live.remove(id));
        executor.execute(job);
        return job.info();
    }

    public RunInfo get(String id) {
        RunJob job = live.get(SafeName.check("run", id));
        if (job != null) {
            return job.info();
        }
        Path file = dir.resolve(id).resolve(RUN_FILE);
        if (!Files.isRegularFile(file)) {
            throw new RunNotFoundException(id);
        }
        return WorkflowJson.read(file, RunInfo.class);
    }

    /** Every run, newest first. */
    public List<RunInfo> list() {
        List<RunInfo> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String id = p.getFileName().toString();
                if (SafeName.valid(id) && Files.isRegularFile(p.resolve(RUN_FILE))) {
                    RunJob job = live.get(id);
                    out.add(job != null ? job.info() : WorkflowJson.read(p.resolve(RUN_FILE), RunInfo.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        // Instants, not their text: Instant.toString drops trailing zero fractions, so text order is not time order.
        out.sort(Comparator.comparing((RunInfo r) -> java.time.Instant.parse(r.createdAt()))
                .thenComparing(RunInfo::id).reversed());
        return out;
    }

    /** The most recently created run. */
    public RunInfo latest() {
        List<RunInfo> all = list();
        if (all.isEmpty()) {
            throw new RunNotFoundException("latest");
        }
        return all.get(0);
    }

    /** Asks a run to stop; a finished run is returned as it is. */
    public RunInfo cancel(String id) {
        RunJob job = live.get(SafeName.check("run", id));
        return job != null ? job.cancel() : get(id);
    }

    /** Waits up to {@code timeout} for a run to finish and returns it as it then is. */
    public RunInfo await(String id, Duration timeout) throws InterruptedException {
        RunJob job = live.get(SafeName.check("run", id));
        if (job != null) {
            try {
                return job.done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return get(id);
            }
        }
        return get(id);
    }

    public ResultPage results(String id, long offset, int limit, boolean anomaliesOnly, String sort) {
        RunInfo run = succeeded(id);
        DatasetInfo dataset = datasets.exists(run.dataset()) ? datasets.get(run.dataset()) : null;
        return ResultsStore.page(id, dir.resolve(id), dataset, datasets.dataFile(run.dataset()), offset, limit,
                anomaliesOnly, sort == null ? "score" : sort);
    }

    /** Writes the results as CSV to {@code target} atomically: every row, or the flagged ones. */
    public void exportCsv(String id, boolean anomaliesOnly, Path target) {
        RunInfo run = succeeded(id);
        DatasetInfo dataset = datasets.exists(run.dataset()) ? datasets.get(run.dataset()) : null;
        ResultsStore.exportCsv(dir.resolve(id), dataset, datasets.dataFile(run.dataset()), anomaliesOnly, target);
    }

    /** Histogram and ROC curve, plus a scatter of columns x and y when both are given. */
    public RunCharts charts(String id, String x, String y) {
        RunInfo run = succeeded(id);
        RunCharts stored = WorkflowJson.read(dir.resolve(id).resolve(CHARTS_FILE), RunCharts.class);
        if (x == null && y == null) {
            return stored;
        }
        if (x == null || y == null) {
            String missing = x == null ? "x" : "y";
            throw new InvalidWorkflowRequestException(missing, "a scatter needs both x and y; give " + missing
                    + " too");
        }
        DatasetInfo dataset = datasets.get(run.dataset());
        return new RunCharts(id, stored.histogram(), stored.roc(), ResultsStore.scatter(dir.resolve(id), dataset,
                datasets.dataFile(run.dataset()), x, y, run.summary().rows(), run.summary().anomalies()));
    }

    private RunInfo succeeded(String id) {
        RunInfo run = get(id);
        if (run.state() != RunState.SUCCEEDED) {
            throw new RunNotFinishedException(id, run.state());
        }
        return run;
    }

    /**
     * A run file left queued or running by a process that is gone will never finish: mark it failed, so nobody
     * waits on it. Runs of a live process (a CLI beside a server) are left alone.
     */
    private void failOrphans() {
        for (RunInfo run : list()) {
            boolean alive = run.pid() == ProcessHandle.current().pid() ? live.containsKey(run.id())
                    : ProcessHandle.of(run.pid()).map(ProcessHandle::isAlive).orElse(false);
            if (!run.state().finished() && !alive) {
                WorkflowJson.write(dir.resolve(run.id()).resolve(RUN_FILE), run.finished(RunState.FAILED,
                        "the process running it stopped before it finished; start it again",
                        clock.instant().toString(), null, null));
            }
        }
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }
}
