package io.vigil.workflow;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.detect.Detector;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.detect.UnknownDetectorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Named detectors, one JSON file each under {@code workflow/detectors/}. */
public final class Detectors {
    static final int MAX_DESCRIPTION = 500;
    private static final String SUFFIX = ".json";

    private final Path dir;
    private final DetectorRegistry registry;
    private final Clock clock;

    Detectors(Path dir, DetectorRegistry registry, Clock clock) {
        this.dir = dir;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Checks every field, builds the detector once so a bad parameter fails now rather than at run time, and
     * stores it.
     *
     * @throws InvalidWorkflowRequestException naming the field at fault (for a detector parameter, its name
     *                                         under {@code parameters.})
     * @throws NameTakenException              when a detector of that name exists
     */
    public DetectorSpec create(DetectorRequest request) {
        String name = SafeName.check("name", request.name());
        if (request.algorithm() == null || request.algorithm().isBlank()) {
            throw new InvalidWorkflowRequestException("algorithm", "algorithm is required; choose one of "
                    + String.join(", ", registry.names()));
        }
        String algorithm;
        try {
            algorithm = AlgorithmNames.canonical(registry, request.algorithm().trim());
        } catch (UnknownDetectorException e) {
            throw new InvalidWorkflowRequestException("algorithm", e.getMessage());
        }
        Double contamination = contamination(request.contamination());
        String description = request.description() == null ? "" : request.description();
        if (description.length() > MAX_DESCRIPTION) {
            throw new InvalidWorkflowRequestException("description", "description must be at most "
                    + MAX_DESCRIPTION + " characters, got " + description.length());
        }
        List<String> columns = names("columns", request.columns());
        List<String> exclude = names("exclude", request.exclude());
        Map<String, Object> parameters = request.parameters() == null ? Map.of()
                : new LinkedHashMap<>(request.parameters());
        DetectorSpec spec = new DetectorSpec(name, algorithm, parameters, contamination,
                contamination == null ? "auto" : "contamination", columns, exclude,
                request.seed() == null ? 0L : request.seed(), description, clock.instant().toString());
        build(spec, 1);
        Path file = file(name);
        synchronized (this) {
            if (Files.exists(file)) {
                throw new NameTakenException("name", "a detector named '" + name + "' exists already; choose "
                        + "another name or delete it first");
            }
            WorkflowJson.write(file, spec);
        }
        return spec;
    }

    public List<DetectorSpec> list() {
        List<DetectorSpec> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path p : entries) {
                String file = p.getFileName().toString();
                if (SafeName.valid(file.substring(0, file.length() - SUFFIX.length()))) {
                    out.add(WorkflowJson.read(p, DetectorSpec.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        out.sort(Comparator.comparing(DetectorSpec::name));
        return out;
    }

    public DetectorSpec get(String name) {
        Path file = file(SafeName.check("detector", name));
        if (!Files.isRegularFile(file)) {
            throw new DetectorNotFoundException(name);
        }
        return WorkflowJson.read(file, DetectorSpec.class);
    }

    public void delete(String name) {
        get(name);
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete detector " + name, e);
        }
    }

    /** A fresh, unfitted detector for a spec; parameter errors name the parameter under {@code parameters.}. */
    Detector build(DetectorSpec spec, int threads) {
        double contamination = spec.contamination() == null ? 0.1 : spec.contamination();
        try {
            return registry.create(spec.algorithm(),
                    new DetectorParameters(spec.parameters(), spec.seed(), contamination, threads));
        } catch (InvalidParameterException e) {
            throw new InvalidWorkflowRequestException("parameters." + e.parameter(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidWorkflowRequestException("parameters", e.getMessage());
        }
    }

    static int defaultThreads() {
        return ParallelLoop.defaultThreads();
    }

    private static Double contamination(Object value) {
        if (value == null) {
            return 0.1;
        }
        double c;
        if (value instanceof Number n) {
            c = n.doubleValue();
        } else {
            String text = value.toString().trim();
            if (text.toLowerCase(Locale.ROOT).equals("auto")) {
                return null;
            }
            try {
                c = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new InvalidWorkflowRequestException("contamination", "contamination must be a number in "
                        + "(0, 0.5] or auto, got '" + text + "'");
            }
        }
        if (!(c > 0 && c <= 0.5)) {
            throw new InvalidWorkflowRequestException("contamination", "contamination must be greater than 0 and "
                    + "at most 0.5 (or auto), got " + value);
        }
        return c;
    }

    private static List<String> names(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        for (String v : values) {
            if (v == null || v.isBlank()) {
                throw new InvalidWorkflowRequestException(field, field + " must list column names, got an empty "
                        + "one");
            }
        }
        return List.copyOf(values);
    }

    private Path file(String name) {
        return dir.resolve(name + SUFFIX);
    }
}
