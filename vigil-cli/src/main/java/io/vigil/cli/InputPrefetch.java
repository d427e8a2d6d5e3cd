package io.vigil.cli;

import io.vigil.core.data.CsvReader;
import io.vigil.core.data.Table;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Reads the input file of {@code vigil detect run --input FILE} while the command line is still being understood.
 * Picocli spends about a tenth of a second of one core building its model of the commands before it parses
 * anything; reading, decompressing and parsing a large CSV can use that time on the other cores. The command takes
 * the prefetched table (or the error reading gave, so messages are unchanged) when it reads the same path, and
 * reads the file itself otherwise; a prefetch that is not taken, because the command line turns out to be wrong,
 * only cost the reading.
 */
final class InputPrefetch {
    private static final InputPrefetch NONE = new InputPrefetch(null, null, 0);

    private final Path path;
    private final FutureTask<Table> table;
    private final long startNanos;

    private InputPrefetch(Path path, FutureTask<Table> table, long startNanos) {
        this.path = path;
        this.table = table;
        this.startNanos = startNanos;
    }

    /**
     * Starts reading when {@code args} are {@code detect run ... --input FILE ...} (and not a named run, which reads
     * a stored dataset); otherwise does nothing.
     */
    static InputPrefetch start(String[] args) {
        if (args.length < 2 || !"detect".equals(args[0]) || !"run".equals(args[1])) {
            return NONE;
        }
        String value = null;
        for (int i = 2; i < args.length; i++) {
            if ("--".equals(args[i])) {
                break;
            }
            if (args[i].startsWith("--detector") || args[i].startsWith("--dataset")) {
                return NONE; // a named run reads its stored dataset, not --input
            }
            if ("--input".equals(args[i]) && i + 1 < args.length) {
                value = args[++i];
            } else if (args[i].startsWith("--input=")) {
                value = args[i].substring("--input=".length());
            }
        }
        if (value == null) {
            return NONE;
        }
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            return NONE; // the command reports it
        }
        long start = System.nanoTime();
        FutureTask<Table> task = new FutureTask<>(() -> CsvReader.read(path));
        Thread reader = new Thread(task, "input-prefetch");
        reader.setDaemon(true);
        reader.start();
        return new InputPrefetch(path, task, start);
    }

    /** When reading {@code file} began: at the prefetch when it is that path, else {@code now}. */
    long startNanos(Path file, long now) {
        return table != null && path.equals(file) ? startNanos : now;
    }

    /** The table of {@code file}: the prefetched one when it is that path, else read now. */
    Table read(Path file) {
        if (table == null || !path.equals(file)) {
            return CsvReader.read(file);
        }
        try {
            return table.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + file, e);
        }
    }
}
