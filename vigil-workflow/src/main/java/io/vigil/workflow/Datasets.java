package io.vigil.workflow;

import io.vigil.core.modelfile.AtomicFiles;
import io.vigil.core.sample.SampleDatasets;
import io.vigil.core.sample.SampleSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Datasets under {@code workflow/datasets/<id>/}: {@code data.parquet} written by DuckDB from the imported CSV or
 * Parquet file (types inferred there), and {@code dataset.json}. An import is staged in a hidden directory and
 * renamed into place, so a dataset is either wholly there or not at all.
 */
public final class Datasets {
    static final String DATA_FILE = "data.parquet";
    static final String META_FILE = "dataset.json";
    /** Column names recognised as labels when the import names none. */
    static final Set<String> LABEL_NAMES = Set.of("label", "labels", "is_anomaly", "anomaly", "is_fraud", "fraud",
            "is_outlier", "outlier", "ground_truth");
    static final int MAX_PREVIEW_ROWS = 1000;

    private final Path dir;
    private final Path tmp;
    private final Clock clock;

    Datasets(Path dir, Path tmp, Clock clock) {
        this.dir = dir;
        this.tmp = tmp;
        this.clock = clock;
    }

    /**
     * Imports a CSV (optionally gzip-compressed) or Parquet file.
     *
     * @param format {@code csv}, {@code parquet}, or null to go by the file name's extension
     * @param label  the label column, or null to recognise one by name ({@code label}, {@code is_anomaly}, ...)
     * @param source what to record as the origin; null records the file name
     */
    public DatasetInfo importFile(String name, Path file, String format, String label, String source) {
        SafeName.check("name", name);
        if (file == null || !Files.isRegularFile(file)) {
            throw new InvalidWorkflowRequestException("file", "no file " + file + "; give the path of a CSV or "
                    + "Parquet file");
        }
        String fmt = format(format, file.getFileName().toString());
        if (Files.exists(dir.resolve(name))) {
            throw taken(name);
        }
        Path staging;
        try {
            Files.createDirectories(dir);
            staging = Files.createTempDirectory(dir, ".import-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory under " + dir, e);
        }
        try {
            Path data = staging.resolve(DATA_FILE);
            List<ColumnInfo> columns;
            long rows;
            try (Connection c = InMemoryDuckDb.open(); Statement s = c.createStatement()) {
                String reader = ("csv".equals(fmt) ? "read_csv_auto(" : "read_parquet(")
                        + InMemoryDuckDb.literal(file) + ")";
                try {
                    s.execute("COPY (SELECT * FROM " + reader + ") TO " + InMemoryDuckDb.literal(data)
                            + " (FORMAT parquet)");
                } catch (SQLException e) {
                    throw new InvalidWorkflowRequestException("file", "cannot read " + file.getFileName() + " as "
                            + fmt + ": " + firstLine(e.getMessage()));
                }
                columns = describe(s, data);
                rows = count(s, data);
            }
            if (rows == 0) {
                throw new InvalidWorkflowRequestException("file", file.getFileName() + " has no data rows");
            }
            String labelColumn = labelColumn(label, columns, data);
            DatasetInfo info = new DatasetInfo(name, name, clock.instant().toString(), rows, columns, labelColumn,
                    source == null ? file.getFileName().toString() : source, fmt, Files.size(data));
            AtomicFiles.force(data);
            WorkflowJson.write(staging.resolve(META_FILE), info);
            try {
                Files.move(staging, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                throw taken(name);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, dir.resolve(name));
            }
            AtomicFiles.syncDirectory(dir);
            return info;
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed importing " + file.getFileName() + ": "
                    + firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot import " + file.getFileName(), e);
        } finally {
            WorkflowFiles.deleteTree(staging);
        }
    }

    /**
     * Generates a seeded sample dataset ({@link SampleDatasets}: e-commerce transactions with planted fraud, sensor
     * readings with faults, API traffic with incidents) and imports it, its {@code label} column as the labels.
     */
    public DatasetInfo createSample(String name, SampleSpec spec) {
        SafeName.check("name", name);
        if (spec == null) {
            throw new InvalidWorkflowRequestException("type", "give the sample's type, size and anomaly rate");
        }
        Path csv = null;
        try {
            csv = Files.createTempFile(tmp, "sample-", ".csv");
            SampleDatasets.writeCsv(spec, csv);
            return importFile(name, csv, "csv", "label", "sample:" + spec.kind().label() + " rows=" + spec.rows()
                    + " anomaly_rate=" + spec.anomalyRate() + " seed=" + spec.seed());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (csv != null) {
                try {
                    Files.deleteIfExists(csv);
                } catch (IOException ignored) {
                    // A leftover temp file is removed with the temp folder; the import itself succeeded or failed.
                }
            }
        }
    }

    /** {@link #importFile(String, Path, String, String, String)} recording the file name as the source. */
    public DatasetInfo importFile(String name, Path file, String format, String label) {
        return importFile(name, file, format, label, null);
    }

    /**
     * Imports an uploaded body: it streams to a temp file first (nothing is held in memory), then imports as a
     * file. Gzip-compressed CSV is recognised by its magic bytes.
     */
    public DatasetInfo importStream(String name, InputStream body, String format, String label) {
        SafeName.check("name", name);
        if (format == null) {
            throw new InvalidWorkflowRequestException("format", "format must be csv or parquet, got nothing");
        }
        format = format(format, name);
        Path upload = null;
        try {
            Files.createDirectories(tmp);
            upload = Files.createTempFile(tmp, "upload-", ".part");
            Files.copy(body, upload, StandardCopyOption.REPLACE_EXISTING);
            String suffix = format.equals("parquet") ? ".parquet" : gzipped(upload) ? ".csv.gz" : ".csv";
            Path named = upload.resolveSibling(upload.getFileName() + suffix);
            Files.move(upload, named);
            upload = named;
            return importFile(name, upload, format, label, "upload");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload", e);
        } finally {
            if (upload != null) {
                try {
                    Files.deleteIfExists(upload);
                } catch (IOException ignored) {
                    // A leftover temp file is harmless; the next start of the service clears the directory.
                }
            }
        }
    }

    /** Every dataset, by name. */
    public List<DatasetInfo> list() {
        List<DatasetInfo> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String id = p.getFileName().toString();
                if (SafeName.valid(id) && Files.isRegularFile(p.resolve(META_FILE))) {
                    out.add(WorkflowJson.read(p.resolve(META_FILE), DatasetInfo.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        out.sort(Comparator.comparing(DatasetInfo::id));
        return out;
    }

    public DatasetInfo get(String id) {
        Path meta = home(id).resolve(META_FILE);
        if (!Files.isRegularFile(meta)) {
            throw new DatasetNotFoundException(id);
        }
        return WorkflowJson.read(meta, DatasetInfo.class);
    }

    public boolean exists(String id) {
        return SafeName.valid(id) && Files.isRegularFile(dir.resolve(id).resolve(META_FILE));
    }

    public void delete(String id) {
        get(id);
        WorkflowFiles.deleteTree(home(id));
    }

    /** The first {@code rows} rows (1 to 1000). */
    public DatasetPreview preview(String id, int rows) {
        if (rows < 1 || rows > MAX_PREVIEW_ROWS) {
            throw new InvalidWorkflowRequestException("rows", "rows must be between 1 and " + MAX_PREVIEW_ROWS
                    + ", got " + rows);
        }
        DatasetInfo info = get(id);
        List<List<Object>> out = new ArrayList<>(rows);
        try (Connection c = InMemoryDuckDb.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM read_parquet(" + InMemoryDuckDb.literal(dataFile(id))
                     + ") LIMIT " + rows)) {
            int n = info.columns().size();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int j = 1; j <= n; j++) {
                    row.add(DatasetStatistics.plain(rs.getObject(j)));
                }
                out.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read dataset " + id + ": " + firstLine(e.getMessage()), e);
        }
        return new DatasetPreview(id, info.columns(), out, info.rows());
    }

    /** Count, missing, distinct, min and max of every column; mean and std of numbers; top values of the rest. */
    public List<ColumnStats> stats(String id) {
        DatasetInfo info = get(id);
        return DatasetStatistics.of(info, dataFile(id));
    }

    /**
     * Reads a dataset for a detector: every column but the label, or only {@code columns} when given, less
     * {@code exclude}.
     */
    public LoadedDataset load(String id, List<String> columns, List<String> exclude) {
        return load(id, columns, exclude, rows -> { });
    }

    /** As {@link #load(String, List, List)}, telling {@code progress} the rows read so far as it goes. */
    public LoadedDataset load(String id, List<String> columns, List<String> exclude, LongConsumer progress) {
        DatasetInfo info = get(id);
        return DatasetReader.read(info, dataFile(id), featureColumns(info, columns, exclude), progress);
    }

    /** The feature columns a detector with these settings reads, checked against the dataset. */
    static List<ColumnInfo> featureColumns(DatasetInfo info, List<String> columns, List<String> exclude) {
        for (String name : exclude == null ? List.<String>of() : exclude) {
            if (info.column(name) == null) {
                throw new InvalidWorkflowRequestException("exclude", "exclude names column '" + name
                        + "', which dataset '" + info.id() + "' does not have; its columns are "
                        + String.join(", ", info.columnNames()));
            }
        }
        List<ColumnInfo> out = new ArrayList<>();
        if (columns != null && !columns.isEmpty()) {
            for (String name : columns) {
                ColumnInfo c = info.column(name);
                if (c == null) {
                    throw new InvalidWorkflowRequestException("columns", "columns names '" + name + "', which "
                            + "dataset '" + info.id() + "' does not have; its columns are "
                            + String.join(", ", info.columnNames()));
                }
                if (name.equals(info.labelColumn())) {
                    throw new InvalidWorkflowRequestException("columns", "'" + name + "' is the dataset's label "
                            + "column; labels only measure a run, they are never a feature");
                }
                out.add(c);
            }
        } else {
            for (ColumnInfo c : info.columns()) {
                if (!c.name().equals(info.labelColumn())) {
                    out.add(c);
                }
            }
        }
        out.removeIf(c -> exclude != null && exclude.contains(c.name()));
        if (out.isEmpty()) {
            throw new InvalidWorkflowRequestException("columns", "no feature columns are left in dataset '"
                    + info.id() + "' after columns and exclude");
        }
        return out;
    }

    Path dataFile(String id) {
        return home(id).resolve(DATA_FILE);
    }

    private Path home(String id) {
        return dir.resolve(SafeName.check("dataset", id));
    }

    /**
     * The format of an uploaded file when the uploader did not say: Parquet by its name's extension, else CSV
     * (browsers send any name; a gzipped CSV is recognised by its bytes).
     */
    public static String uploadFormat(String fileName) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".parquet") || lower.endsWith(".pq") ? "parquet" : "csv";
    }

    private static String format(String format, String fileName) {
        if (format != null) {
            String f = format.toLowerCase(Locale.ROOT);
            if (!f.equals("csv") && !f.equals("parquet")) {
                throw new InvalidWorkflowRequestException("format", "format must be csv or parquet, got '"
                        + format + "'");
            }
            return f;
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".parquet") || lower.endsWith(".pq")) {
            return "parquet";
        }
        if (lower.endsWith(".csv") || lower.endsWith(".csv.gz") || lower.endsWith(".tsv")
                || lower.endsWith(".txt")) {
            return "csv";
        }
        throw new InvalidWorkflowRequestException("format", "cannot tell the format of " + fileName
                + " from its name; name it .csv, .csv.gz or .parquet, or give the format");
    }

    private String labelColumn(String label, List<ColumnInfo> columns, Path data) throws SQLException {
        if (label != null && !label.isBlank()) {
            ColumnInfo c = columns.stream().filter(x -> x.name().equals(label)).findFirst().orElse(null);
            if (c == null) {
                throw new InvalidWorkflowRequestException("label", "label names column '" + label + "', which the "
                        + "file does not have; its columns are "
                        + String.join(", ", columns.stream().map(ColumnInfo::name).toList()));
            }
            long bad = DatasetReader.unreadableLabels(c, data);
            if (bad > 0) {
                throw new InvalidWorkflowRequestException("label", "label column '" + label + "' has " + bad
                        + " rows that are empty or not 1/0, true/false or anomaly/normal; every row needs a label");
            }
            return label;
        }
        for (ColumnInfo c : columns) {
            if (LABEL_NAMES.contains(c.name().toLowerCase(Locale.ROOT))
                    && DatasetReader.unreadableLabels(c, data) == 0) {
                return c.name();
            }
        }
        return null;
    }

    private static List<ColumnInfo> describe(Statement s, Path data) throws SQLException {
        List<ColumnInfo> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + InMemoryDuckDb.literal(data)
                + ")")) {
            while (rs.next()) {
                String type = rs.getString("column_type");
                out.add(new ColumnInfo(rs.getString("column_name"), type, ColumnInfo.kindOf(type)));
            }
        }
        return out;
    }

    private static long count(Statement s, Path data) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet(" + InMemoryDuckDb.literal(data)
                + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean gzipped(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static NameTakenException taken(String name) {
        return new NameTakenException("name", "a dataset named '" + name + "' exists already; choose another "
                + "name or delete it first");
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
