package io.vigil.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.modelfile.AtomicFiles;
import io.vigil.core.modelfile.ModelFile;
import io.vigil.core.score.AnomalyModel;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The saved models under one folder. Layout, for model {@code M} with backend {@code B}:
 * <ul>
 * <li>{@code M_B.vigil.json}: the latest save, a complete {@link ModelFile} (detector, encoder, normaliser,
 * threshold, baseline, provenance); what {@code load} and lazy loading read;</li>
 * <li>{@code M_B.vN.vigil.json}: every save also kept as version N (1, 2, ...), so {@code load} can go back;</li>
 * <li>{@code M_B_encoder.json}: the latest save's schema encoder state on its own, for tools that want only the
 * encoding (the model file already holds it).</li>
 * </ul>
 * Every name is checked against a strict pattern and every path resolved and checked to lie directly in the
 * folder, so no request can reach a file outside it. Files are written atomically (temp file, fsync, rename).
 */
public final class ModelStore {
    /** What a model name may look like: no separators, no leading dot, so never a path. */
    public static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    static final String MODEL_SUFFIX = ".vigil.json";
    static final String ENCODER_SUFFIX = "_encoder.json";
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
    private static final Pattern VERSION = Pattern.compile("\\.v([0-9]{1,9})$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final DetectorRegistry registry;
    private final ModelFile modelFile;

    public ModelStore(Path dir, DetectorRegistry registry) throws IOException {
        this.dir = dir.toAbsolutePath().normalize();
        this.registry = registry;
        this.modelFile = new ModelFile(registry);
        Files.createDirectories(this.dir);
    }

    public Path dir() {
        return dir;
    }

    /** A saved file as the listing shows it; {@code version} is null for the latest copy. */
    public record SavedFile(String filename, String model, String backend, Integer version, long sizeBytes,
                            double modifiedEpochSeconds) {
    }

    /** What a save wrote. */
    public record SaveResult(String filename, Path path, Path encoderPath, int version) {
    }

    public static void checkModelName(String name, String param) {
        if (name == null || !MODEL_NAME.matcher(name).matches()) {
            throw new InvalidRequestException(param, param + " must be 1 to 128 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit; got " + (name == null ? "nothing" : "'" + name + "'"));
        }
    }

    public static String latestName(String model, String backend) {
        return model + "_" + backend + MODEL_SUFFIX;
    }

    public static String versionName(String model, String backend, int version) {
        return model + "_" + backend + ".v" + version + MODEL_SUFFIX;
    }

    public static String encoderName(String model, String backend) {
        return model + "_" + backend + ENCODER_SUFFIX;
    }

    /** Writes the model as a new version and as the latest; saves of one store run one at a time. */
    public synchronized SaveResult save(String model, String backend, AnomalyModel anomalyModel) throws IOException {
        checkModelName(model, "model");
        int version = nextVersion(model, backend);
        byte[] bytes = modelFile.toBytes(anomalyModel);
        // The version first: if the process dies between the writes, the latest file is still a complete older save.
        AtomicFiles.write(resolve(versionName(model, backend, version)), bytes);
        Path latest = resolve(latestName(model, backend));
        AtomicFiles.write(latest, bytes);
        Path encoder = resolve(encoderName(model, backend));
        AtomicFiles.write(encoder, JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(anomalyModel.encoder().state()));
        return new SaveResult(latest.getFileName().toString(), latest, encoder, version);
    }

    /**
     * One more than the highest saved version of the model, by file name alone: a save should not stat and parse
     * every file of a folder that may hold thousands of versions of other models.
     */
    private int nextVersion(String model, String backend) throws IOException {
        int version = 1;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                model + "_" + backend + ".v*" + MODEL_SUFFIX)) {
            for (Path p : files) {
                SavedFile f = parse(p.getFileName().toString(), null); // names only: no stat
                if (f != null && f.version() != null && f.model().equals(model) && f.backend().equals(backend)) {
                    version = Math.max(version, f.version() + 1);
                }
            }
        }
        return version;
    }


    /**
     * Reads a saved model: the latest save, or the given version.
     *
     * @throws ModelNotFoundException when there is no such file
     */
    public AnomalyModel read(String model, String backend, Integer version) throws IOException {
        checkModelName(model, "model");
        String name = version == null ? latestName(model, backend) : versionName(model, backend, version);
        Path file = resolve(name);
        if (!Files.isRegularFile(file)) {
            List<Integer> versions = list().stream()
                    .filter(f -> f.model().equals(model) && f.backend().equals(backend) && f.version() != null)
                    .map(SavedFile::version).sorted().toList();
            throw new ModelNotFoundException(version == null ? "model" : "version", "no saved model " + name
                    + " in " + dir + (versions.isEmpty() ? "; save it first with POST /v1/anomaly/save"
                    : "; saved versions are " + versions));
        }
        return modelFile.read(file);
    }

    /** Backends of the latest saves of {@code model}, in name order. */
    public List<String> savedBackends(String model) throws IOException {
        return list().stream().filter(f -> f.model().equals(model) && f.version() == null)
                .map(SavedFile::backend).sorted().toList();
    }

    /** Every model file in the folder, by file name; files that are not Vigil model files are left out. */
    public List<SavedFile> list() throws IOException {
        List<SavedFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (!name.endsWith(MODEL_SUFFIX) || name.startsWith(".") || !Files.isRegularFile(p)) {
                    continue;
                }
                SavedFile parsed = parse(name, p);
                if (parsed != null) {
                    out.add(parsed);
                }
            }
        }
        out.sort(Comparator.comparing(SavedFile::filename));
        return out;
    }

    /**
     * Deletes a file of the models folder by name, as the listing shows it; deleting a latest model file also
     * deletes its encoder file (the numbered versions stay).
     *
     * @throws InvalidRequestException for a name that is not a plain file name (separators, "..", a leading dot)
     * @throws ModelNotFoundException  when there is no such file
     */
    public synchronized void delete(String filename) throws IOException {
        if (filename == null || !FILE_NAME.matcher(filename).matches() || filename.contains("..")) {
            throw new InvalidRequestException("filename", "filename must be the plain name of a saved file as GET "
                    + "/v1/anomaly/models lists it (letters, digits, '.', '_', '-'; no path); got '" + filename + "'");
        }
        Path file = resolve(filename);
        if (!Files.isRegularFile(file) || !Files.deleteIfExists(file)) {
            throw new ModelNotFoundException("filename", "no saved file " + filename + " in " + dir);
        }
        SavedFile parsed = filename.endsWith(MODEL_SUFFIX) ? parse(filename, null) : null;
        if (parsed != null && parsed.version() == null) {
            Files.deleteIfExists(resolve(encoderName(parsed.model(), parsed.backend())));
        }
    }

    /** The file of that name in the folder, refusing anything that would land elsewhere. */
    Path resolve(String filename) {
        Path p = dir.resolve(filename).normalize();
        if (!p.startsWith(dir) || !dir.equals(p.getParent())) {
            throw new InvalidRequestException("filename", "'" + filename + "' is not a file name inside the models "
                    + "folder");
        }
        return p;
    }

    /** Splits {@code M_B[.vN].vigil.json} by the longest registered backend name it ends with. */
    private SavedFile parse(String name, Path file) throws IOException {
        String stem = name.substring(0, name.length() - MODEL_SUFFIX.length());
        Integer version = null;
        Matcher m = VERSION.matcher(stem);
        if (m.find()) {
            version = Integer.parseInt(m.group(1));
            stem = stem.substring(0, m.start());
        }
        String backend = null;
        for (String b : registry.names()) {
            if (stem.endsWith("_" + b) && stem.length() > b.length() + 1
                    && (backend == null || b.length() > backend.length())) {
                backend = b;
            }
        }
        if (backend == null) {
            return null;
        }
        String model = stem.substring(0, stem.length() - backend.length() - 1);
        long size = 0;
        double modified = 0;
        if (file != null) {
            try {
                size = Files.size(file);
                modified = Files.getLastModifiedTime(file).toMillis() / 1000.0;
            } catch (java.nio.file.NoSuchFileException e) {
                return null; // deleted while listing
            }
        }
        return new SavedFile(name, model, backend, version, size, modified);
    }
}
