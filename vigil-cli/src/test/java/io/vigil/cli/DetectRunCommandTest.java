package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.modelfile.ModelFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectRunCommandTest {
    @TempDir
    Path dir;
    Path data;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VigilCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeEach
    void writeData() throws IOException {
        Random r = new Random(1);
        StringBuilder sb = new StringBuilder("id,x,y,method,label\n");
        for (int i = 0; i < 400; i++) {
            boolean odd = i % 50 == 7;
            double x = odd ? 9 + r.nextGaussian() : r.nextGaussian();
            double y = odd ? -9 + r.nextGaussian() : r.nextGaussian();
            sb.append(i).append(',').append(x).append(',').append(y).append(',')
                    .append(i % 3 == 0 ? "GET" : "POST").append(',').append(odd ? 1 : 0).append('\n');
        }
        data = dir.resolve("d.csv");
        Files.writeString(data, sb.toString());
    }

    @Test
    void aTextIdentifierColumnIsKeptButNamedWithHowToLeaveItOut() throws IOException {
        String csv = Files.readString(data).replaceAll("(?m)^(\\d+),", "req-$1,");
        Path ids = Files.writeString(dir.resolve("ids.csv"), csv);
        Result r = run("detect", "run", "--algorithm", "isolation_forest", "--input", ids.toString(), "--label",
                "label");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEqualToIgnoringNewLines("vigil: note: column 'id' has a different value in every row "
                + "(an identifier); hashed, it is a feature of pure noise. Leave it out with --exclude id");
        assertThat(run("detect", "run", "--algorithm", "isolation_forest", "--input", ids.toString(), "--label",
                "label", "--exclude", "id").err()).isEmpty();
    }

    @Test
    void writesOneRowPerInputRowAndPrintsASummary() throws IOException {
        Path out = dir.resolve("out.csv");
        Path model = dir.resolve("m.json");
        Result r = run("detect", "run", "--algorithm", "isolation_forest", "--input", data.toString(),
                "--exclude", "id", "--label", "label", "--seed", "3", "--output", out.toString(),
                "--save-model", model.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("index,score,raw_score,is_anomaly");
        assertThat(lines).hasSize(401);
        assertThat(lines.get(1)).startsWith("0,");
        assertThat(lines.get(400)).startsWith("399,");
        long flagged = lines.stream().skip(1).filter(l -> l.endsWith(",true")).count();
        assertThat(flagged).isBetween(38L, 42L);
        assertThat(r.out()).contains("rows           400", "features       3", "threshold", "roc_auc", "f1",
                "fit ms", "score ms");
        double auc = Double.parseDouble(r.out().lines().filter(l -> l.startsWith("roc_auc")).findFirst()
                .orElseThrow().substring(15).trim());
        assertThat(auc).isGreaterThan(0.95);
        assertThat(ModelFile.standard().read(model).provenance().featureNames()).containsExactly("x", "y", "method");
    }

    @Test
    void sameSeedGivesTheSameOutput() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        run("detect", "run", "--input", data.toString(), "--seed", "5", "--output", a.toString(), "--threads", "1");
        run("detect", "run", "--input", data.toString(), "--seed", "5", "--output", b.toString(), "--threads", "2");
        assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
    }

    @Test
    void missingFileIsExitTwoWithOneLine() {
        Result r = run("detect", "run", "--input", dir.resolve("nope.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("vigil: ").contains("nope.csv").contains("file not found");
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    @Test
    void emptyFileIsExitTwo() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        Result r = run("detect", "run", "--input", empty.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("empty.csv").contains("the file is empty");
    }

    @Test
    void raggedRowNamesFileAndLine() throws IOException {
        Path f = Files.writeString(dir.resolve("ragged.csv"), "a,b\n1,2\n3,4,5\n");
        Result r = run("detect", "run", "--input", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("ragged.csv:3").contains("3 fields but the header has 2");
    }

    @Test
    void nonNumericValueNamesLineAndColumn() throws IOException {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 30; i++) {
            sb.append(i).append(',').append(i).append('\n');
        }
        sb.append("1,x1\n");
        Path f = Files.writeString(dir.resolve("bad.csv"), sb.toString());
        Result r = run("detect", "run", "--input", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.csv:32: column 'b': 'x1' is not a number");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownAlgorithmListsTheKnownOnes() {
        Result r = run("detect", "run", "--input", data.toString(), "--algorithm", "magic");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown algorithm 'magic'").contains("isolation_forest");
    }

    @Test
    void unknownOrInvalidParameterIsNamed() {
        Result r = run("detect", "run", "--input", data.toString(), "--algorithm", "isolation_forest", "--param",
                "depth=3");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown parameter 'depth'");
        r = run("detect", "run", "--input", data.toString(), "--algorithm", "isolation_forest", "--param",
                "trees=0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("trees must be greater than 0");
    }

    @Test
    void missingLabelColumnIsNamed() {
        Result r = run("detect", "run", "--input", data.toString(), "--label", "truth");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--label names column 'truth'").contains("columns are id, x, y, method, label");
    }

    @Test
    void badContaminationAndThresholdAreRejected() {
        assertThat(run("detect", "run", "--input", data.toString(), "--contamination", "0.7").err())
                .startsWith("vigil: contamination must be greater than 0 and at most 0.5");
        assertThat(run("detect", "run", "--input", data.toString(), "--algorithm", "isolation_forest", "--param", "trees=abc").err())
                .as("stderr").isEqualToIgnoringNewLines("vigil: trees must be a number, got 'abc'");
        assertThat(run("detect", "run", "--input", data.toString(), "--param", "trees=9").err())
                .as("stderr").isEqualToIgnoringNewLines("vigil: unknown parameter 'trees' for auto; it takes no parameters");
        assertThat(run("detect", "run", "--input", data.toString(), "--threshold", "2").err())
                .contains("--threshold must be between 0 and 1");
    }

    @Test
    void autoContaminationAndCalibrationAddTheirOutputs() throws IOException {
        Path out = dir.resolve("cal.csv");
        Result r = run("detect", "run", "--input", data.toString(), "--exclude", "id", "--label", "label",
                "--contamination", "auto", "--calibrate", "--output", out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("auto: flags");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("index,score,raw_score,is_anomaly,p_value");
        assertThat(lines).hasSize(401);
        Result a = run("detect", "run", "--input", data.toString(), "--exclude", "id", "--calibrate", "0.25",
                "--alpha", "0.05");
        assertThat(a.code()).isZero();
        assertThat(a.out()).contains("p-value alpha  0.05");
        assertThat(run("detect", "run", "--input", data.toString(), "--alpha", "0.05").err())
                .contains("--alpha needs --calibrate");
        assertThat(run("detect", "run", "--input", data.toString(), "--contamination", "lots").err())
                .contains("contamination must be a number in (0, 0.5] or auto");
    }

    @Test
    void explainAddsTopFeaturesAsJson() throws IOException {
        Path out = dir.resolve("explained.csv");
        Result r = run("detect", "run", "--input", data.toString(), "--exclude", "id", "--exclude", "label",
                "--explain", "2", "--output", out.toString());
        assertThat(r.err()).isEmpty();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("index,score,raw_score,is_anomaly,top_features");
        // Row 7 was planted far out in x and y; its CSV field is quoted JSON with doubled quotes.
        String row = lines.get(8);
        String field = row.substring(row.indexOf(",\"") + 2, row.length() - 1).replace("\"\"", "\"");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(field);
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("feature").asText()).isIn("x", "y");
        assertThat(json.get(0).get("contribution").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.get(0).has("value")).isTrue();
        assertThat(json.get(0).has("normal")).isTrue();
        assertThat(run("detect", "run", "--input", data.toString(), "--explain", "0", "--output", out.toString())
                .err()).contains("--explain must be at least 1");
        assertThat(run("detect", "run", "--input", data.toString(), "--explain", "2").err())
                .contains("give --output too");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Result r = run("detect", "run", "--input", data.toString(), "--frobnicate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void algorithmsListsEveryRegisteredDetector() {
        Result r = run("detect", "algorithms");
        assertThat(r.code()).isZero();
        for (String name : io.vigil.core.detect.DetectorRegistry.standard().names()) {
            assertThat(r.out()).contains(name);
        }
    }

    @Test
    void helpWorksOnEveryCommand() {
        assertThat(run("--help").out()).contains("detect");
        assertThat(run("detect", "--help").out()).contains("run");
        Result r = run("detect", "run", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--input", "--algorithm", "--contamination", "--output");
    }
}
