package io.vigil.monitor.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBConnection;

/**
 * The one embedded DuckDB file ({@value #FILE_NAME} under the data directory) that holds traffic, monitors, runs
 * and action attempts. DuckDB lets a single process own a file, so open it once and share this object.
 *
 * <p>Connections: a few for traffic ingest (appender work must not interleave with other statements on the same
 * connection) and one for everything else. A DuckDB connection is not meant for concurrent use, so each is lent to
 * one caller at a time, while DuckDB's MVCC lets the connections work side by side: concurrent ingest requests
 * append and wait for their commit's log sync in parallel instead of queueing behind one connection (appends never
 * conflict with each other).
 *
 * <p>Durability: every write is a committed transaction; DuckDB syncs its write-ahead log on commit, so a write
 * that returned survives a kill -9. DuckDB folds the log into the main file on its own (checkpoint threshold) and
 * {@link #close()} and {@link #checkpoint()} force it.
 */
public final class MonitorDatabase implements AutoCloseable {
    public static final String FILE_NAME = "vigil-monitor.duckdb";
    /**
     * Enough to overlap batches' log syncs with the next ones' appends (4 measured best on 2 cores: with 3 the cores
     * idled during syncs); more only adds memory.
     */
    static final int INGEST_CONNECTIONS = 4;

    private final Path file;
    private final DuckDBConnection root;
    /** Ingest connections not lent out; a caller waits here when all are busy. */
    private final BlockingQueue<DuckDBConnection> ingest = new ArrayBlockingQueue<>(INGEST_CONNECTIONS);
    private final List<DuckDBConnection> ingestAll = new ArrayList<>();
    private final DuckDBConnection main;
    private final ReentrantLock mainLock = new ReentrantLock();

    private MonitorDatabase(Path file, DuckDBConnection root) throws SQLException {
        this.file = file;
        this.root = root;
        for (int i = 0; i < INGEST_CONNECTIONS; i++) {
            DuckDBConnection c = root.duplicate();
            ingestAll.add(c);
            ingest.add(c);
        }
        this.main = root.duplicate();
    }

    /** Opens (creating when absent) the database file under {@code dataDir} and brings the schema up to date. */
    public static MonitorDatabase open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        Properties props = new Properties();
        // A server must never fetch code from the network at run time; the extensions it needs are built in.
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        try {
            DuckDBConnection root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file, props);
            MonitorDatabase db = new MonitorDatabase(file, root);
            try (Statement s = db.main.createStatement()) {
                for (String ddl : Schema.STATEMENTS) {
                    s.execute(ddl);
                }
            }
            return db;
        } catch (SQLException e) {
            throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} on the general connection, holding its lock. */
    public <T> T withConnection(SqlWork<T> work) {
        mainLock.lock();
        try {
            return work.run(main);
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        } finally {
            mainLock.unlock();
        }
    }

    /** Runs {@code work} in one transaction on the general connection; rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        return withConnection(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** Runs {@code work} on an ingest connection of its own, waiting for one when all are in use. */
    public <T> T withIngestConnection(SqlWork<T> work) {
        DuckDBConnection c;
        try {
            c = ingest.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for an ingest connection", e);
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        } finally {
            ingest.add(c);
        }
    }

    /** Folds the write-ahead log into the database file. */
    public void checkpoint() {
        withConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CHECKPOINT");
            }
            return null;
        });
    }

    @Override
    public void close() {
        try {
            checkpoint();
        } finally {
            try {
                for (DuckDBConnection c : ingestAll) {
                    c.close();
                }
                main.close();
                root.close();
            } catch (SQLException e) {
                throw new StoreException("cannot close " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(DuckDBConnection connection) throws SQLException;
    }
}
