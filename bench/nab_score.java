import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.core.stream.Observation;
import io.vigil.core.stream.StreamDetector;
import io.vigil.core.stream.StreamRegistry;
import io.vigil.core.stream.StreamResult;
import io.vigil.core.stream.rcf.RcfResult;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * NAB scoring of Vigil's numeric stream detectors (single-file program: {@code java -cp benchmarks.jar
 * bench/nab_score.java DATA_DIR [SPEC_JSON ...]}; bench/nab_score.sh sets it up).
 *
 * <p>Follows NAB's sweeper (numenta/NAB, nab/sweeper.py) and its standard profile: each series' first
 * min(floor(0.15 n), 750) rows are probationary and not scored; a row inside a window gets the scaled sigmoid of its
 * position relative to the window's right edge, {@code 2 sigmoid(-5 x) - 1} with {@code x = -(right - i + 1) / width};
 * a row after a window gets the same function of {@code |prevRight - i| / (prevWidth - 1)} (-1 beyond 3, and -1 for
 * rows before any window). Detections are the scored rows whose anomaly score is at least the threshold: each window
 * earns A_TP times the best (earliest) detection in it, or A_FN = -1 if it has none; each detection outside windows
 * adds A_FP = 0.11 times its (negative) weight. Like NAB's optimiser, one threshold is chosen for the whole corpus by
 * sweeping every distinct score ("use" picks the detector output swept: score, grade, or alert_score / alert_grade,
 * which are 0 unless the detector raised an alert, so settings such as cooldown take part); the raw score is normalised as 100 (raw - null) / (perfect - null), null being the
 * detector that never fires and perfect the one that fires on each window's first scored row and nowhere else.
 * A spec with {@code "nab_range": true} also gives each series its own minimum, maximum and rest period, as NAB's
 * harness gives them to its CAD OSE detector before the first row (for comparison with the reference only: a stream
 * cannot know them). The time each detector took is printed to stderr as thread CPU time.
 */
final class NabScore {
    static final double TP = 1.0;
    static final double FP = 0.11;
    static final double FN = 1.0;
    static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    record Series(String key, double[] values, int[][] windows) {
    }

    /** One scored row: its anomaly score, its NAB weight and its window (global id, -1 outside windows). */
    record Row(double score, double weight, int window) {
    }

    record Outcome(double normalised, double raw, double threshold, int detections, int windowsFound) {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/datasets/nab");
        List<Series> corpus = load(dir);
        List<String> specs = new ArrayList<>(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
        if (specs.isEmpty()) {
            specs = defaultSpecs();
        }
        int windows = corpus.stream().mapToInt(s -> s.windows().length).sum();
        System.out.printf(Locale.ROOT, "NAB standard profile, %d series, %d windows, %d rows%n%n", corpus.size(),
                windows, corpus.stream().mapToInt(s -> s.values().length).sum());
        System.out.println("| detector | settings | score used | NAB standard | raw | threshold | detections "
                + "| windows found |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---:|");
        for (String spec : specs) {
            JsonNode s = JSON.readTree(spec);
            String use = s.path("use").asText("score");
            @SuppressWarnings("unchecked")
            Map<String, Object> settings = s.has("settings") ? JSON.convertValue(s.get("settings"), Map.class)
                    : Map.of();
            String type = s.get("type").asText();
            boolean nabRange = s.path("nab_range").asBoolean(false);
            long start = System.nanoTime();
            AtomicLong cpu = new AtomicLong();
            List<double[]> scores = scoreCorpus(corpus, type, settings, use, nabRange, cpu);
            double seconds = (System.nanoTime() - start) / 1e9;
            Outcome o = nab(corpus, scores);
            System.out.printf(Locale.ROOT, "| %s | %s%s | %s | %.2f | %.3f | %.4g | %d | %d/%d |%n", type,
                    JSON.writeValueAsString(settings), nabRange ? " + each file's min, max, rest_period (NAB harness)"
                            : "", use, o.normalised(), o.raw(), o.threshold(), o.detections(), o.windowsFound(),
                    windows);
            int rows = corpus.stream().mapToInt(c -> c.values().length).sum();
            System.err.printf(Locale.ROOT, "  (%s: %d rows in %.1f s wall, series in parallel; %.2f s thread CPU, "
                    + "%.0f rows/s on one core, JIT warm-up included)%n", type, rows, seconds, cpu.get() / 1e9,
                    rows / (cpu.get() / 1e9));
        }
    }

    /** The published comparison: library defaults, then the alert cooldown, then seeds to show the spread. */
    static List<String> defaultSpecs() {
        return List.of(
                "{\"type\":\"ema_bollinger\",\"settings\":{\"window\":20,\"k\":2}}",
                "{\"type\":\"ema_bollinger\",\"settings\":{\"window\":200,\"k\":4,\"cooldown\":100},"
                        + "\"use\":\"alert_score\"}",
                "{\"type\":\"rcf\",\"settings\":{}}",
                "{\"type\":\"rcf\",\"settings\":{},\"use\":\"grade\"}",
                "{\"type\":\"rcf\",\"settings\":{\"cooldown\":10},\"use\":\"alert_score\"}",
                "{\"type\":\"rcf\",\"settings\":{\"cooldown\":10},\"use\":\"alert_grade\"}",
                "{\"type\":\"rcf\",\"settings\":{\"cooldown\":10,\"seed\":1},\"use\":\"alert_grade\"}",
                "{\"type\":\"rcf\",\"settings\":{\"cooldown\":10,\"seed\":2},\"use\":\"alert_grade\"}",
                "{\"type\":\"rcf\",\"settings\":{\"cooldown\":10,\"seed\":3},\"use\":\"alert_grade\"}",
                "{\"type\":\"knn_cad\",\"settings\":{\"cooldown\":150},\"use\":\"alert_score\"}",
                "{\"type\":\"knn_cad\",\"settings\":{\"cooldown\":150,\"threshold\":0.999},\"use\":\"alert_score\"}",
                "{\"type\":\"cad_ose\",\"settings\":{},\"nab_range\":true}",
                "{\"type\":\"cad_ose\",\"settings\":{}}",
                "{\"type\":\"cad_ose\",\"settings\":{\"warm_up\":0}}");
    }

    /** Runs a fresh detector over every series (series in parallel; each detector is sequential, so deterministic). */
    static List<double[]> scoreCorpus(List<Series> corpus, String type, Map<String, Object> settings, String use,
                                      boolean nabRange, AtomicLong cpuNanos) {
        StreamRegistry registry = StreamRegistry.standard();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] out = new double[corpus.size()][];
        IntStream.range(0, corpus.size()).parallel().forEach(f -> {
            long cpuStart = threads.getCurrentThreadCpuTime();
            double[] values = corpus.get(f).values();
            StreamDetector d = registry.create(type, nabRange ? withNabRange(settings, values) : settings);
            double[] scores = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                StreamResult r = d.process(Observation.values(i, values[i]));
                scores[i] = switch (use) {
                    case "grade" -> ((RcfResult) r).grade();
                    case "alert_grade" -> r.anomaly() ? ((RcfResult) r).grade() : 0.0;
                    case "alert_score" -> r.anomaly() ? r.score() : 0.0;
                    default -> r.score();
                };
            }
            out[f] = scores;
            // Thread CPU time, not wall time: the series run in parallel on a machine that may be shared.
            cpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
        });
        return Arrays.asList(out);
    }

    /**
     * What NAB's harness hands its CAD OSE detector (nab/detectors/context_ose): the file's minimum and maximum, known
     * before the first row, and a rest period of a fifth of the probationary period (unless the spec sets one). No
     * stream has these; the
     * figure shows how close the detector comes to the reference under the reference's own conditions.
     */
    static Map<String, Object> withNabRange(Map<String, Object> settings, double[] values) {
        Map<String, Object> s = new java.util.LinkedHashMap<>(settings);
        s.put("min", Arrays.stream(values).min().orElse(0));
        s.put("max", Arrays.stream(values).max().orElse(0));
        s.put("warm_up", 0);
        s.putIfAbsent("rest_period", (int) (probation(values.length) / 5.0));
        return s;
    }

    static double scaledSigmoid(double position) {
        return position > 3.0 ? -1.0 : 2.0 / (1.0 + Math.exp(5.0 * position)) - 1.0;
    }

    static int probation(int rows) {
        return (int) Math.min(Math.floor(0.15 * rows), 0.15 * 5000);
    }

    static Outcome nab(List<Series> corpus, List<double[]> scores) {
        List<Row> rows = new ArrayList<>();
        int windowBase = 0;
        double perfect = 0;
        for (int f = 0; f < corpus.size(); f++) {
            Series s = corpus.get(f);
            double[] score = scores.get(f);
            int n = s.values().length;
            int probation = probation(n);
            int w = 0;
            int prevRight = -1;
            int prevWidth = 0;
            double[] best = new double[s.windows().length];
            Arrays.fill(best, Double.NaN);
            for (int i = 0; i < n; i++) {
                double weight;
                int window = -1;
                if (w < s.windows().length && i >= s.windows()[w][0] && i <= s.windows()[w][1]) {
                    int left = s.windows()[w][0];
                    int right = s.windows()[w][1];
                    weight = scaledSigmoid(-(right - i + 1) / (double) (right - left + 1));
                    window = windowBase + w;
                    if (i >= probation && Double.isNaN(best[w])) {
                        best[w] = weight;
                    }
                    if (i == right) {
                        prevRight = right;
                        prevWidth = right - left + 1;
                        w++;
                    }
                } else if (prevRight < 0) {
                    weight = -1.0;
                } else {
                    weight = scaledSigmoid(Math.abs(prevRight - i) / (double) (prevWidth - 1));
                }
                if (i >= probation) {
                    rows.add(new Row(score[i], weight, window));
                }
            }
            for (double b : best) {
                perfect += Double.isNaN(b) ? -FN : TP * b;
            }
            windowBase += s.windows().length;
        }
        int windows = windowBase;
        double nullScore = -FN * windows;
        rows.sort((a, b) -> Double.compare(b.score(), a.score()));
        double[] credit = new double[windows];
        Arrays.fill(credit, Double.NaN);
        double tp = 0;
        double fp = 0;
        double fn = -FN * windows;
        double bestRaw = nullScore;
        double bestThreshold = Double.POSITIVE_INFINITY;
        int bestDetections = 0;
        int found = 0;
        int bestFound = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.window() < 0) {
                fp += FP * r.weight();
            } else if (Double.isNaN(credit[r.window()])) {
                credit[r.window()] = TP * r.weight();
                tp += credit[r.window()];
                fn += FN;
                found++;
            } else if (TP * r.weight() > credit[r.window()]) {
                tp += TP * r.weight() - credit[r.window()];
                credit[r.window()] = TP * r.weight();
            }
            // A threshold sits between distinct scores: rows with equal scores are detected together.
            boolean lastOfTie = i + 1 == rows.size() || rows.get(i + 1).score() != r.score();
            if (lastOfTie && tp + fp + fn > bestRaw) {
                bestRaw = tp + fp + fn;
                bestThreshold = r.score();
                bestDetections = i + 1;
                bestFound = found;
            }
        }
        double normalised = 100 * (bestRaw - nullScore) / (perfect - nullScore);
        return new Outcome(normalised, bestRaw, bestThreshold, bestDetections, bestFound);
    }

    static List<Series> load(Path dir) throws IOException {
        JsonNode windows = JSON.readTree(dir.resolve("combined_windows.json").toFile());
        List<Series> out = new ArrayList<>();
        for (Iterator<String> it = windows.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            List<String> lines = Files.readAllLines(dir.resolve(key));
            int n = lines.size() - 1;
            double[] values = new double[n];
            LocalDateTime[] times = new LocalDateTime[n];
            for (int i = 0; i < n; i++) {
                String line = lines.get(i + 1);
                int comma = line.indexOf(',');
                times[i] = LocalDateTime.parse(line.substring(0, comma).trim(), TIME);
                values[i] = Double.parseDouble(line.substring(comma + 1).trim());
            }
            JsonNode ws = windows.get(key);
            int[][] idx = new int[ws.size()][];
            for (int w = 0; w < ws.size(); w++) {
                LocalDateTime start = LocalDateTime.parse(ws.get(w).get(0).asText(), TIME);
                LocalDateTime end = LocalDateTime.parse(ws.get(w).get(1).asText(), TIME);
                int first = 0;
                while (first < n && times[first].isBefore(start)) {
                    first++;
                }
                int last = n - 1;
                while (last >= 0 && times[last].isAfter(end)) {
                    last--;
                }
                idx[w] = new int[] {first, last};
            }
            out.add(new Series(key, values, idx));
        }
        out.sort((a, b) -> a.key().compareTo(b.key()));
        return out;
    }
}
