package io.vigil.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.vigil.core.json.JsonSyntax;
import io.vigil.core.sample.SampleKind;
import io.vigil.core.sample.SampleSpec;
import io.vigil.workflow.DatasetInfo;
import io.vigil.workflow.Datasets;
import io.vigil.workflow.DetectorRequest;
import io.vigil.workflow.Workflow;
import io.vigil.workflow.WorkflowJson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code /v1/datasets}, {@code /v1/detectors}, {@code /v1/runs} and {@code /v1/compare}: I/O only; {@link Workflow} does the work. */
final class WorkflowRoutes {
    private static final Set<String> DETECTOR_FIELDS = Set.of("name", "algorithm", "parameters", "contamination",
            "columns", "exclude", "seed", "description");
    private static final Set<String> SAMPLE_FIELDS = Set.of("name", "type", "size", "anomaly_rate", "seed");
    private static final Duration COMPARE_TIMEOUT = Duration.ofMinutes(10);
    private static final long DRAIN_LIMIT = 256L << 20;

    private final Workflow workflow;
    private final long maxBodyBytes;

    WorkflowRoutes(Workflow workflow, long maxBodyBytes) {
        this.workflow = workflow;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * A raw CSV or Parquet body with {@code ?name=&format=&label=}, or a browser's multipart form with a
     * {@code file} part and the same fields. Either way the bytes stream to a temp file, never into memory.
     */
    void importDataset(Context ctx) throws IOException {
        long declared = ctx.contentLength();
        if (declared > maxBodyBytes) {
            // As AnomalyRoutes does: read what the client is still sending (up to a bound) so it sees the 413
            // rather than a reset connection.
            if (declared <= DRAIN_LIMIT) {
                ctx.req().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            }
            throw new PayloadTooLargeException(maxBodyBytes);
        }
        DatasetInfo info;
        if (ctx.isMultipartFormData()) {
            UploadedFile file = ctx.uploadedFile("file");
            if (file == null) {
                throw new InvalidRequestException("file", "the form has no 'file' part; attach the CSV or Parquet "
                        + "file as 'file'");
            }
            String name = firstOf(ctx.formParam("name"), ctx.queryParam("name"));
            String format = firstOf(ctx.formParam("format"), ctx.queryParam("format"));
            if (format == null) {
                format = Datasets.uploadFormat(file.filename());
            }
            String label = firstOf(ctx.formParam("label"), ctx.queryParam("label"));
            try (InputStream in = file.content()) {
                info = workflow.datasets().importStream(name, in, format, label);
            }
        } else {
            String format = ctx.queryParam("format");
            if (ctx.queryParam("name") == null) {
                // A JSON body such as {"name": ...} lands here too: say where the name goes.
                throw new InvalidRequestException("name", "query parameter 'name' is required: send the file as the "
                        + "body of POST /v1/datasets?name=NAME&format=csv|parquet (or as a multipart form with "
                        + "name and file); for a generated sample use POST /v1/datasets/samples");
            }
            try (InputStream in = new BoundedInputStream(ctx.bodyInputStream(), maxBodyBytes)) {
                info = workflow.datasets().importStream(ctx.queryParam("name"), in, format == null ? "csv" : format,
                        ctx.queryParam("label"));
            }
        }
        ResponseWriter.json(ctx, 201, WorkflowJson.toMap(info));
    }

    /** {@code {name, type, size, anomaly_rate, seed}}: a generated sample dataset, imported like an upload. */
    void createSample(Context ctx) throws IOException {
        JsonNode body = object(ctx);
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!SAMPLE_FIELDS.contains(field)) {
                throw new InvalidRequestException(field, "unknown field '" + field + "'; a sample has "
                        + String.join(", ", SAMPLE_FIELDS.stream().sorted().toList()));
            }
        }
        String type = text(body, "type");
        if (type == null) {
            throw new InvalidRequestException("type", "type is required: ecommerce, sensor or api_traffic");
        }
        SampleSpec spec = new SampleSpec(SampleKind.parse(type), (int) whole(body, "size", 1000, Integer.MAX_VALUE),
                number(body, "anomaly_rate", 0.05), whole(body, "seed", 42, Long.MAX_VALUE));
        ResponseWriter.json(ctx, 201, WorkflowJson.toMap(workflow.datasets().createSample(text(body, "name"), spec)));
    }

    private static long whole(JsonNode body, String field, long fallback, long max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() > max) {
            throw new InvalidRequestException(field, field + " must be a whole number");
        }
        return v.asLong();
    }

    private static double number(JsonNode body, String field, double fallback) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new InvalidRequestException(field, field + " must be a number");
        }
        return v.doubleValue();
    }

    void listDatasets(Context ctx) throws IOException {
        list(ctx, workflow.datasets().list());
    }

    void getDataset(Context ctx) throws IOException {
        ResponseWriter.json(ctx, 200, WorkflowJson.toMap(workflow.datasets().get(ctx.pathParam("id"))));
    }

    void previewDataset(Context ctx) throws IOException {
        int rows = intParam(ctx, "rows", 10);
        ResponseWriter.json(ctx, 200, WorkflowJson.toMap(workflow.datasets().preview(ctx.pathParam("id"), rows)));
    }

    void datasetStats(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "list");
        out.put("dataset", id);
        out.put("data", WorkflowJson.MAPPER.convertValue(workflow.datasets().stats(id), List.class));
        ResponseWriter.json(ctx, 200, out);
    }

    void deleteDataset(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        workflow.datasets().delete(id);
        ResponseWriter.json(ctx, 200, Map.of("object", "dataset", "id", id, "deleted", true));
    }

    void createDetector(Context ctx) throws IOException {
        JsonNode body = object(ctx);
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!DETECTOR_FIELDS.contains(field)) {
                throw new InvalidRequestException(field, "unknown field '" + field + "'; a detector has "
                        + String.join(", ", DETECTOR_FIELDS.stream().sorted().toList()));
            }
        }
        JsonNode params = body.get("parameters");
        if (params != null && !params.isNull() && !params.isObject()) {
            throw new InvalidRequestException("parameters", "parameters must be an object of name: value");
        }
        JsonNode contamination = body.get("contamination");
        if (contamination != null && !contamination.isNull() && !contamination.isNumber()
                && !contamination.isTextual()) {
            throw new InvalidRequestException("contamination", "contamination must be a number or \"auto\"");
        }
        JsonNode seed = body.get("seed");
        if (seed != null && !seed.isNull() && !(seed.isIntegralNumber() && seed.canConvertToLong())) {
            throw new InvalidRequestException("seed", "seed must be a whole number");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = params == null || params.isNull() ? null
                : ResponseWriter.JSON.convertValue(params, Map.class);
        DetectorRequest request = new DetectorRequest(text(body, "name"), text(body, "algorithm"), parameters,
                contamination == null || contamination.isNull() ? null
                        : contamination.isNumber() ? (Object) contamination.doubleValue() : contamination.asText(),
                strings(body, "columns"), strings(body, "exclude"),
                seed == null || seed.isNull() ? null : seed.asLong(), text(body, "description"));
        ResponseWriter.json(ctx, 201, WorkflowJson.toMap(workflow.detectors().create(request)));
    }

    void listDetectors(Context ctx) throws IOException {
        list(ctx, workflow.detectors().list());
    }

    void getDetector(Context ctx) throws IOException {
        ResponseWriter.json(ctx, 200, WorkflowJson.toMap(workflow.detectors().get(ctx.pathParam("name"))));
    }

    void deleteDetector(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        workflow.detectors().delete(name);
        ResponseWriter.json(ctx, 200, Map.of("object", "detector", "name", name, "deleted", true));
    }

    void startRun(Context ctx) throws IOException {
        JsonNode body = object(ctx);
        ResponseWriter.json(ctx, 202, WorkflowJson.toMap(workflow.runs().start(text(body, "detector"),
                text(body, "dataset"))));
    }

    void listRuns(Context ctx) throws IOException {
        list(ctx, workflow.runs().list());
    }

    void getRun(Context ctx) throws IOException {
        ResponseWriter.json(ctx, 200, WorkflowJson.toMap(workflow.runs().get(ctx.pathParam("id"))));
    }

    void cancelRun(Context ctx) throws IOException {
        ResponseWriter.json(ctx, 200, WorkflowJson.toMap(workflow.runs().cancel(ctx.pathParam("id"))));
    }

    void results(Context ctx) throws IOException {
        int offset = intParam(ctx, "offset", 0);
        int limit = intParam(ctx, "limit", 50);
        ResponseWriter.json(ctx, 200, WorkflowJson.toMap(workflow.runs().results(ctx.pathParam("id"), offset, limit,
                boolParam(ctx, "anomalies_only"), ctx.queryParam("sort"))));
    }

    /** The CSV is written to a temp file by DuckDB and streamed from there; the file is unlinked once open. */
    void resultsCsv(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        boolean anomaliesOnly = boolParam(ctx, "anomalies_only");
        InputStream in = workflow.resultsCsv(id, anomaliesOnly);
        ctx.status(200).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + id + (anomaliesOnly ? "-anomalies" : "")
                        + ".csv\"")
                .result(in);
    }

    void charts(Context ctx) throws IOException {
        ResponseWriter.json(ctx, 200, WorkflowJson.toMap(workflow.runs().charts(ctx.pathParam("id"),
                ctx.queryParam("x"), ctx.queryParam("y"))));
    }

    void compare(Context ctx) throws IOException, InterruptedException {
        JsonNode body = object(ctx);
        List<String> detectors = strings(body, "detectors");
        ResponseWriter.json(ctx, 200, WorkflowJson.toMap(workflow.compare(text(body, "dataset"), detectors,
                COMPARE_TIMEOUT)));
    }

    private static void list(Context ctx, List<?> items) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "list");
        out.put("data", WorkflowJson.MAPPER.convertValue(items, List.class));
        out.put("total", items.size());
        ResponseWriter.json(ctx, 200, out);
    }

    private JsonNode object(Context ctx) throws IOException {
        JsonNode body;
        try (InputStream in = new BoundedInputStream(ctx.bodyInputStream(), maxBodyBytes)) {
            body = ResponseWriter.JSON.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidRequestException(null, "the body is not valid JSON: " + JsonSyntax.messageWithLocation(e));
        }
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException(null, "the body must be a JSON object");
        }
        return body;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidRequestException(field, field + " must be a string");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new InvalidRequestException(field, field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw new InvalidRequestException(field + "[" + i + "]", field + "[" + i + "] must be a string");
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    private static int intParam(Context ctx, String name, int defaultValue) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(name, name + " must be a whole number, got '" + v + "'");
        }
    }

    private static boolean boolParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return false;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidRequestException(name, name + " must be true or false, got '" + v + "'");
        };
    }

    private static String firstOf(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
