package io.vigil.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A fresh in-memory DuckDB per operation: it reads and writes the workflow's Parquet files and keeps no state, so
 * nothing ties the files to one process. Also the file commit that DuckDB's own writes need to be atomic.
 */
final class InMemoryDuckDb {
    private InMemoryDuckDb() {
    }

    static Connection open() throws SQLException {
        Properties props = new Properties();
        // Never fetch code from the network at run time; CSV and Parquet readers are built in.
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        return DriverManager.getConnection("jdbc:duckdb:", props);
    }

    /**
     * A path as a SQL string literal. Only paths this package builds (data directory plus checked names, or temp
     * files) come here, never a request string; quotes are doubled all the same.
     */
    static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    /** A column name as a quoted SQL identifier; callers check it is one of the dataset's columns first. */
    static String identifier(String column) {
        return "\"" + column.replace("\"", "\"\"") + "\"";
    }

    /** Makes a file DuckDB wrote to {@code temp} durable and moves it onto {@code target} in one step. */
    static void commit(Path temp, Path target) {
        try {
            force(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(target.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Flushes a file DuckDB wrote to the disk before it is renamed into place. */
    static void force(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync " + file, e);
        }
    }

    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Some file systems cannot sync directories; the rename itself is still atomic there.
        }
    }
}
