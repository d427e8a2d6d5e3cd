package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.sample.SampleDatasets;
import io.vigil.core.sample.SampleKind;
import io.vigil.core.sample.SampleSpec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectVisualizeCommandTest {
    @TempDir
    Path dir;
    Path data;
    Path results;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VigilCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeEach
    void detect() throws IOException {
        data = dir.resolve("sensor.csv");
        results = dir.resolve("results.csv");
        SampleDatasets.writeCsv(new SampleSpec(SampleKind.SENSOR, 800, 0.05, 4), data);
        Result r = run("detect", "run", "--input", data.toString(), "--exclude", "timestamp", "--label", "label",
                "--contamination", "0.05", "--output", results.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void drawsEveryPanelAtTheRequestedSize() throws IOException {
        Path png = dir.resolve("charts.png");
        Result r = run("detect", "visualize", "--input", results.toString(), "--data", data.toString(),
                "--output", png.toString(), "--width", "900", "--height", "700");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("score histogram", "score by row", " against ", "ROC curve", "900x700",
                "(lowest score among flagged rows)");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(700);
        Set<Integer> colours = new HashSet<>();
        int red = 0;
        for (int yy = 0; yy < image.getHeight(); yy += 2) {
            for (int xx = 0; xx < image.getWidth(); xx += 2) {
                int rgb = image.getRGB(xx, yy) & 0xFFFFFF;
                colours.add(rgb);
                // The flagged colour, (214, 39, 40), drawn solid where points do not overlap.
                red += rgb == 0xD62728 ? 1 : 0;
            }
        }
        assertThat(colours).hasSizeGreaterThan(50);
        assertThat(red).isGreaterThan(20);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void resultsAloneGiveTheScorePanelsAndNamedColumnsAreScattered() throws IOException {
        Path alone = dir.resolve("alone.png");
        Result r = run("detect", "visualize", "--input", results.toString(), "--output", alone.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("score histogram, score by row").doesNotContain("ROC");
        assertThat(ImageIO.read(alone.toFile()).getWidth()).isEqualTo(1600);

        Path smallest = dir.resolve("smallest.png");
        r = run("detect", "visualize", "--input", results.toString(), "--data", data.toString(), "--output",
                smallest.toString(), "--width", "300", "--height", "300");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(ImageIO.read(smallest.toFile()).getHeight()).isEqualTo(300);

        Path summary = dir.resolve("summary.json");
        Files.writeString(summary, "{\"summary\": {\"rows\": 800, \"threshold\": 0.625}}");
        r = run("detect", "visualize", "--input", results.toString(), "--summary", summary.toString(), "--output",
                alone.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("threshold 0.6250 (from " + summary + ")");

        Path named = dir.resolve("named.png");
        r = run("detect", "visualize", "--input", results.toString(), "--data", data.toString(), "--x",
                "temperature", "--y", "humidity", "--output", named.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("humidity against temperature");
    }

    @Test
    void badInputExitsTwoNamingTheOption() throws IOException {
        Path png = dir.resolve("x.png");
        String in = results.toString();
        String d = data.toString();
        assertError(run("detect", "visualize", "--input", dir.resolve("none.csv").toString(), "--output",
                png.toString()), "--input", "file not found");
        assertError(run("detect", "visualize", "--input", in, "--data", d, "--x", "nope", "--output",
                png.toString()), "--x names column 'nope'", "columns are timestamp, sensor_id");
        assertError(run("detect", "visualize", "--input", in, "--data", d, "--y", "sensor_id", "--output",
                png.toString()), "--y names column 'sensor_id', which is text", "temperature");
        assertError(run("detect", "visualize", "--input", in, "--label", "label", "--output", png.toString()),
                "--label", "give --data");
        assertError(run("detect", "visualize", "--input", in, "--output", png.toString(), "--width", "10"),
                "--width must be between 300 and 10000 pixels, got 10");
        assertError(run("detect", "visualize", "--input", d, "--output", png.toString()),
                "--input", "no numeric 'score' column");
        Path summary = dir.resolve("s.json");
        Files.writeString(summary, "{\"threshold\": 3}");
        assertError(run("detect", "visualize", "--input", in, "--summary", summary.toString(), "--output",
                png.toString()), "--summary", "needs a threshold between 0 and 1");
        Files.writeString(summary, "{\"threshold\": ");
        assertError(run("detect", "visualize", "--input", in, "--summary", summary.toString(), "--output",
                png.toString()), "--summary", "is not valid JSON");
        List<String> lines = Files.readAllLines(data);
        Path shorter = dir.resolve("short.csv");
        Files.write(shorter, lines.subList(0, lines.size() - 1));
        assertError(run("detect", "visualize", "--input", in, "--data", shorter.toString(), "--output",
                png.toString()), "--data", "has 799 rows but --input", "has 800");
        assertThat(png).doesNotExist();
    }

    private static void assertError(Result r, String... parts) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("vigil: ").contains(parts).doesNotContain("Exception", "\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void scattersDrawEveryFlaggedRowWithinTheBudget() {
        boolean[] flagged = new boolean[100_000];
        for (int i = 0; i < flagged.length; i += 333) {
            flagged[i] = true;
        }
        int[] sample = ResultCharts.sample(flagged);
        assertThat(sample.length).isEqualTo(ResultCharts.MAX_POINTS);
        assertThat(Arrays.stream(sample).filter(i -> flagged[i]).count()).isEqualTo(301);
        assertThat(sample).isSorted().doesNotHaveDuplicates();
        // Past the budget, flagged rows still all appear, with some context around them.
        boolean[] many = new boolean[50_000];
        Arrays.fill(many, 0, 30_000, true);
        int[] crowded = ResultCharts.sample(many);
        assertThat(crowded.length).isEqualTo(30_000 + ResultCharts.MIN_NORMAL_POINTS);
        assertThat(Arrays.stream(crowded).filter(i -> many[i]).count()).isEqualTo(30_000);
    }

    @Test
    void columnsSpanningOrdersOfMagnitudeGetLogAxes() {
        int[] all = {0, 1, 2, 3, 4};
        assertThat(ResultCharts.heavyTailed(new double[] {300, 320, 350, 400, 8e6}, all)).isTrue();
        assertThat(ResultCharts.heavyTailed(new double[] {300, 320, 350, 400, 900}, all)).isFalse();
        // A log axis cannot show zero or negative values.
        assertThat(ResultCharts.heavyTailed(new double[] {0, 320, 350, 400, 8e6}, all)).isFalse();
        assertThat(ResultCharts.heavyTailed(new double[] {-1, 320, 350, 400, 8e6}, all)).isFalse();
    }

    @Test
    void chosenFeaturesAreTheOnesThatSeparateFlaggedRows() {
        boolean[] flagged = {false, false, false, false, true, true};
        assertThat(DetectVisualizeCommand.separation(new double[] {1, 2, 1, 2, 9, 10}, flagged)).isGreaterThan(5);
        assertThat(DetectVisualizeCommand.separation(new double[] {1, 2, 1, 2, 1, 2}, flagged)).isZero();
        assertThat(DetectVisualizeCommand.separation(new double[] {3, 3, 3, 3, 3, 3}, flagged)).isZero();
        assertThat(DetectVisualizeCommand.separation(new double[] {1, 2, 3, 4, 5, 6}, new boolean[6])).isZero();
    }

    @Test
    void rocCurveRunsFromOriginToOneWithItsArea() {
        RocCurve perfect = RocCurve.of(new double[] {0.1, 0.2, 0.9, 0.8}, new boolean[] {false, false, true, true});
        assertThat(perfect.auc()).isEqualTo(1.0);
        assertThat(perfect.falsePositiveRate()).containsExactly(0, 0, 0, 0.5, 1);
        assertThat(perfect.truePositiveRate()).containsExactly(0, 0.5, 1, 1, 1);
        RocCurve tied = RocCurve.of(new double[] {0.5, 0.5, 0.5, 0.5}, new boolean[] {false, true, false, true});
        assertThat(tied.auc()).isEqualTo(0.5);
        assertThat(tied.falsePositiveRate()).containsExactly(0, 1);
        double[] many = new double[10_000];
        boolean[] labels = new boolean[many.length];
        for (int i = 0; i < many.length; i++) {
            many[i] = i;
            labels[i] = i % 7 == 0;
        }
        RocCurve thinned = RocCurve.of(many, labels);
        assertThat(thinned.falsePositiveRate()).hasSize(RocCurve.MAX_POINTS);
        assertThat(thinned.falsePositiveRate()[RocCurve.MAX_POINTS - 1]).isEqualTo(1.0);
    }
}
