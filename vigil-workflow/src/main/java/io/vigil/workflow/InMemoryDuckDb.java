package io.vigil.workflow;

import io.vigil.core.modelfile.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
            AtomicFiles.commit(temp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
