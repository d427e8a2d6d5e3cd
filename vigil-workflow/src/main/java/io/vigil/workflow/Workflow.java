package io.vigil.workflow;

import io.vigil.core.detect.DetectorRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The workflow service over {@code <dataDir>/workflow/}: {@link #datasets()}, {@link #detectors()} and
 * {@link #runs()}. Runs execute on an executor this object owns ({@code runners} at a time); {@link #close()}
 * cancels what is still going and waits briefly.
 *
 * <p>Sample datasets come from {@link Datasets#createSample}.
 */
public final class Workflow implements AutoCloseable {
    private final Path root;
    private final Path tmp;
    private final Datasets datasets;
    private final Detectors detectors;
    private final Runs runs;
    private final ExecutorService executor;

    private Workflow(Path dataDir, Clock clock, int runners, int threads, DetectorRegistry registry) {
        this.root = dataDir.toAbsolutePath().normalize().resolve("workflow");
        // A CLI command and a running server may share the data dir: each process stages in a folder of its own
        // and clears only the folders of processes that have gone.
        Path tmpRoot = root.resolve("tmp");
        clearAbandoned(tmpRoot);
        this.tmp = tmpRoot.resolve(ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime()));
        try {
            java.nio.file.Files.createDirectories(tmp);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + tmp, e);
        }
        this.executor = Executors.newFixedThreadPool(runners, r -> {
            Thread t = new Thread(r, "vigil-workflow-run");
            t.setDaemon(true);
            return t;
        });
        this.datasets = new Datasets(root.resolve("datasets"), tmp, clock);
        this.detectors = new Detectors(root.resolve("detectors"), registry, clock);
        this.runs = new Runs(root.resolve("runs"), datasets, detectors, clock, executor, threads);
    }

    /** One run at a time, each using every core. */
    public static Workflow open(Path dataDir, Clock clock) {
        return open(dataDir, clock, DetectorRegistry.standard());
    }

    /** As {@link #open(Path, Clock)}, naming detectors through the caller's registry (a server shares one). */
    public static Workflow open(Path dataDir, Clock clock, DetectorRegistry registry) {
        return new Workflow(dataDir, clock, 1, Detectors.defaultThreads(), registry);
    }

    /**
     * @param runners runs that may execute at once
     * @param threads worker threads each run's detector uses
     */
    public static Workflow open(Path dataDir, Clock clock, int runners, int threads) {
        if (runners < 1 || threads < 1) {
            throw new IllegalArgumentException("runners and threads must be at least 1");
        }
        return new Workflow(dataDir, clock, runners, threads, DetectorRegistry.standard());
    }

    public Datasets datasets() {
        return datasets;
    }

    public Detectors detectors() {
        return detectors;
    }

    public Runs runs() {
        return runs;
    }

    /** Where callers may stage temp files (uploads, downloads): this service's own, removed on close. */
    public Path tmpDir() {
        return tmp;
    }

    /**
     * A run's results as CSV to stream to a client: DuckDB writes them to a staged file, which is unlinked as soon
     * as it is open (the stream keeps it readable; nothing is left behind however the download ends).
     */
    public java.io.InputStream resultsCsv(String runId, boolean anomaliesOnly) throws java.io.IOException {
        Path temp = java.nio.file.Files.createTempFile(tmp, "results-", ".csv");
        try {
            runs.exportCsv(runId, anomaliesOnly, temp);
            return java.nio.file.Files.newInputStream(temp);
        } finally {
            java.nio.file.Files.deleteIfExists(temp);
        }
    }

    /** Removes staging folders ({@code <pid>-<n>}) whose process is no longer alive, and anything else there. */
    private static void clearAbandoned(Path tmpRoot) {
        if (!java.nio.file.Files.isDirectory(tmpRoot)) {
            return;
        }
        try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(tmpRoot)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                int dash = name.indexOf('-');
                boolean alive = false;
                if (dash > 0 && name.substring(0, dash).chars().allMatch(Character::isDigit)) {
                    alive = ProcessHandle.of(Long.parseLong(name.substring(0, dash))).map(ProcessHandle::isAlive)
                            .orElse(false);
                }
                if (!alive) {
                    WorkflowFiles.deleteTree(entry);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + tmpRoot, e);
        }
    }

    /** {@code <dataDir>/workflow}. */
    public Path root() {
        return root;
    }

    /**
     * Runs each detector on a labelled dataset and waits for all of them (up to {@code timeout} in all).
     *
     * @throws InvalidWorkflowRequestException when the dataset has no label column or no detector is named
     */
    public Comparison compare(String dataset, List<String> detectorNames, Duration timeout)
            throws InterruptedException {
        if (detectorNames == null || detectorNames.isEmpty()) {
            throw new InvalidWorkflowRequestException("detectors", "detectors must name at least one detector");
        }
        DatasetInfo info = datasets.get(dataset == null ? "" : dataset);
        if (info.labelColumn() == null) {
            throw new InvalidWorkflowRequestException("dataset", "dataset '" + info.id() + "' has no label column, "
                    + "so there is nothing to compare against; import it with a label column");
        }
        List<String> names = new ArrayList<>(new LinkedHashSet<>(detectorNames));
        for (String name : names) {
            detectors.get(name);
        }
        List<RunInfo> started = new ArrayList<>();
        for (String name : names) {
            started.add(runs.start(name, info.id()));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Comparison.Entry> out = new ArrayList<>();
        for (RunInfo run : started) {
            long left = Math.max(0, deadline - System.nanoTime());
            RunInfo r = runs.await(run.id(), Duration.ofNanos(left));
            out.add(new Comparison.Entry(r.detector(), r.algorithm(), r.id(), r.state(), r.message(), r.metrics(),
                    r.summary()));
        }
        return new Comparison(info.id(), info.labelColumn(), out);
    }

    @Override
    public void close() {
        for (RunInfo r : runs.list()) {
            if (!r.state().finished()) {
                runs.cancel(r.id());
            }
        }
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
        WorkflowFiles.deleteTree(tmp);
    }
}
