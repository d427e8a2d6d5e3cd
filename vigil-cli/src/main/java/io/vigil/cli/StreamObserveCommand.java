package io.vigil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.core.data.Column;
import io.vigil.core.data.CsvReader;
import io.vigil.core.data.DataFormatException;
import io.vigil.core.data.Table;
import io.vigil.core.json.JsonSyntax;
import io.vigil.core.stream.Observation;
import io.vigil.core.stream.StreamDetector;
import io.vigil.core.stream.StreamRegistry;
import io.vigil.core.stream.complexity.PayloadComplexity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil stream observe}: runs one stream detector over a file and prints one JSON line per observation,
 * each scored against everything before it.
 */
@Command(name = "observe", mixinStandardHelpOptions = true,
        description = {"Run a stream detector over a file, printing one JSON result per observation.",
                "complexity reads NDJSON (one JSON payload per line); the numeric detectors read a numeric column "
                        + "of a CSV file with a header (NAB files: timestamp,value)."})
final class StreamObserveCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--type", required = true, paramLabel = "TYPE",
            description = "complexity, ema_bollinger, rcf, knn_cad or cad_ose.")
    String type;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "NDJSON payloads (complexity) or a CSV file (ema_bollinger, rcf, knn_cad, cad_ose).")
    Path input;

    @Option(names = "--column", defaultValue = "value", paramLabel = "COL",
            description = "CSV column to read for numeric detectors (default: ${DEFAULT-VALUE}).")
    String column;

    @Option(names = "--depth", paramLabel = "N", description = "complexity: context length in bytes (default 2).")
    Integer depth;

    @Option(names = "--setting", paramLabel = "KEY=VALUE", description = "Detector setting, e.g. window=48, k=3, "
            + "side=above, shingle_size=8, max_nodes=65536; repeatable.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--restore", paramLabel = "FILE", description = "Start from this snapshot instead of a fresh "
            + "detector (its settings win; --depth and --setting must then be absent).")
    Path restore;

    @Option(names = "--snapshot", paramLabel = "FILE",
            description = "After the input, write the detector's state here (atomically) for a later --restore.")
    Path snapshot;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        StreamRegistry registry = StreamRegistry.standard();
        StreamDetector detector;
        if (restore != null) {
            if (depth != null || !settings.isEmpty()) {
                throw new UserInputException("--restore takes its settings from the snapshot; drop --depth and "
                        + "--setting");
            }
            detector = restoreFrom(registry);
            if (!detector.type().equals(type)) {
                throw new UserInputException(restore + ": the snapshot is of a " + detector.type()
                        + " detector, not " + type);
            }
        } else {
            Map<String, Object> s = new LinkedHashMap<>(settings);
            if (depth != null) {
                if (!PayloadComplexity.TYPE.equals(type)) {
                    throw new UserInputException("--depth applies to --type complexity only");
                }
                s.put("depth", depth);
            }
            detector = registry.create(type, s);
        }
        if (PayloadComplexity.TYPE.equals(type)) {
            observePayloads(detector, out);
        } else {
            observeColumn(detector, out);
        }
        out.flush();
        if (snapshot != null) {
            detector.snapshot(snapshot);
        }
        return 0;
    }

    private StreamDetector restoreFrom(StreamRegistry registry) {
        try {
            return registry.restore(restore);
        } catch (NoSuchFileException e) {
            throw new UserInputException(restore + ": snapshot not found; check the path");
        } catch (IOException e) {
            throw new UserInputException(restore + ": cannot read the snapshot: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(restore + ": " + e.getMessage());
        }
    }

    private void observePayloads(StreamDetector detector, PrintWriter out) throws IOException {
        String source = input.toString();
        try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode payload;
                try {
                    payload = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new DataFormatException(source, lineNumber, null,
                            "not valid JSON: " + JsonSyntax.message(e));
                }
                emit(out, detector.process(Observation.payload(payload)).toJson());
            }
        } catch (NoSuchFileException e) {
            throw new DataFormatException(source, 0, null, "file not found; check the path");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DataFormatException(source, 0, null, "not UTF-8 text");
        }
    }

    private void observeColumn(StreamDetector detector, PrintWriter out) throws IOException {
        Table table = CsvReader.read(input);
        String source = input.toString();
        if (!table.names().contains(column)) {
            throw new DataFormatException(source, 1, null, "no column '" + column + "' (columns: "
                    + String.join(", ", table.names()) + "); choose one with --column");
        }
        Column c = table.column(column);
        for (int row = 0; row < table.rows(); row++) {
            Object v = c.get(row);
            // Line numbers assume one line per row, which holds for the unquoted numeric files this reads.
            long line = row + 2L;
            if (!(v instanceof Double d)) {
                throw new DataFormatException(source, line, column, "'" + v + "' is not a number");
            }
            if (!Double.isFinite(d)) {
                throw new DataFormatException(source, line, column, "missing value; stream detectors need a number "
                        + "on every row");
            }
            emit(out, detector.process(Observation.values(row, d)).toJson());
        }
    }

    private static void emit(PrintWriter out, Map<String, Object> result) throws JsonProcessingException {
        out.println(JSON.writeValueAsString(result));
    }
}
