package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamObserveCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path payloads(int n) throws IOException {
        Random r = new Random(4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("{\"user\":\"u").append(r.nextInt(20)).append("\",\"n\":").append(r.nextInt(100))
                    .append("}\n");
        }
        Path file = dir.resolve("payloads.ndjson");
        Files.writeString(file, sb.toString());
        return file;
    }

    private Path series() throws IOException {
        StringBuilder sb = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 400; i++) {
            double v = i == 350 ? 90 : 10 * Math.sin(i / 8.0);
            sb.append("2014-01-01 00:").append(i).append(":00,").append(v).append('\n');
        }
        Path file = dir.resolve("series.csv");
        Files.writeString(file, sb.toString());
        return file;
    }

    private static List<JsonNode> lines(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    void complexityPrintsOneLinePerPayload() throws IOException {
        DetectRunCommandTest.Result r = DetectRunCommandTest.run("stream", "observe", "--type", "complexity",
                "--depth", "2", "--input", payloads(30).toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        List<JsonNode> out = lines(r.out());
        assertThat(out).hasSize(30);
        assertThat(out.get(0).get("complexity").asDouble()).isZero();
        assertThat(out.get(29).get("count").asLong()).isEqualTo(30);
        assertThat(out.get(29).has("bits")).isTrue();
    }

    @Test
    void snapshotThenRestoreContinuesTheStream() throws IOException {
        Path all = payloads(40);
        List<String> lines = Files.readAllLines(all);
        Path first = dir.resolve("first.ndjson");
        Path second = dir.resolve("second.ndjson");
        Files.write(first, lines.subList(0, 25));
        Files.write(second, lines.subList(25, 40));
        Path state = dir.resolve("state.json");
        DetectRunCommandTest.Result straight = DetectRunCommandTest.run("stream", "observe", "--type", "complexity",
                "--input", all.toString());
        DetectRunCommandTest.Result a = DetectRunCommandTest.run("stream", "observe", "--type", "complexity",
                "--input", first.toString(), "--snapshot", state.toString());
        DetectRunCommandTest.Result b = DetectRunCommandTest.run("stream", "observe", "--type", "complexity",
                "--input", second.toString(), "--restore", state.toString());
        assertThat(a.code()).isZero();
        assertThat(b.code()).isZero();
        assertThat(a.out() + b.out()).isEqualTo(straight.out());
    }

    @Test
    void numericDetectorsReadACsvColumn() throws IOException {
        Path csv = series();
        DetectRunCommandTest.Result ema = DetectRunCommandTest.run("stream", "observe", "--type", "ema_bollinger",
                "--input", csv.toString(), "--column", "value", "--setting", "window=30", "--setting", "k=3");
        assertThat(ema.err()).isEmpty();
        List<JsonNode> out = lines(ema.out());
        assertThat(out).hasSize(400);
        assertThat(out.get(350).get("is_anomaly").asBoolean()).isTrue();
        assertThat(out.get(350).get("score").asDouble()).isGreaterThan(3);
        DetectRunCommandTest.Result rcf = DetectRunCommandTest.run("stream", "observe", "--type", "rcf",
                "--input", csv.toString(), "--setting", "trees=20", "--setting", "sample_size=64");
        assertThat(rcf.err()).isEmpty();
        List<JsonNode> rcfOut = lines(rcf.out());
        assertThat(rcfOut).hasSize(400);
        assertThat(rcfOut.get(350).get("grade").asDouble()).isPositive();
        assertThat(rcfOut.get(350).get("attribution")).hasSize(1);
        DetectRunCommandTest.Result cad = DetectRunCommandTest.run("stream", "observe", "--type", "cad_ose",
                "--input", csv.toString(), "--setting", "warm_up=50", "--setting", "rest_period=100");
        assertThat(cad.err()).isEmpty();
        List<JsonNode> cadOut = lines(cad.out());
        assertThat(cadOut).hasSize(400);
        assertThat(cadOut.get(350).get("raw_score").asDouble()).isGreaterThanOrEqualTo(0.75);
        assertThat(cadOut.get(350).get("is_anomaly").asBoolean()).isTrue();
        DetectRunCommandTest.Result badBits = DetectRunCommandTest.run("stream", "observe", "--type", "cad_ose",
                "--input", csv.toString(), "--setting", "value_bits=12");
        assertThat(badBits.code()).isEqualTo(2);
        assertThat(badBits.err()).isEqualTo("vigil: value_bits must be between 1 and 8\n");
    }

    @Test
    void badJsonNamesFileAndLine() throws IOException {
        Path file = dir.resolve("bad.ndjson");
        Files.writeString(file, "{\"a\":1}\n\n{\"a\":\n");
        DetectRunCommandTest.Result r = DetectRunCommandTest.run("stream", "observe", "--type", "complexity",
                "--input", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("vigil: " + file + ":3: not valid JSON");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void badCsvValueNamesFileAndLine() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "timestamp,value\nt1,1.0\nt2,\nt3,2.0\n");
        DetectRunCommandTest.Result r = DetectRunCommandTest.run("stream", "observe", "--type", "ema_bollinger",
                "--input", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("vigil: " + file + ":3: column 'value': missing value");
        DetectRunCommandTest.Result col = DetectRunCommandTest.run("stream", "observe", "--type", "rcf",
                "--input", series().toString(), "--column", "cpu");
        assertThat(col.code()).isEqualTo(2);
        assertThat(col.err()).contains("no column 'cpu'");
    }

    @Test
    void badSettingsAndTypesExitTwo() throws IOException {
        Path file = payloads(3);
        DetectRunCommandTest.Result r = DetectRunCommandTest.run("stream", "observe", "--type", "wavelet",
                "--input", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown stream detector 'wavelet'");
        DetectRunCommandTest.Result d = DetectRunCommandTest.run("stream", "observe", "--type", "complexity",
                "--depth", "-1", "--input", file.toString());
        assertThat(d.code()).isEqualTo(2);
        assertThat(d.err()).isEqualTo("vigil: depth must be at least 0\n");
        DetectRunCommandTest.Result missing = DetectRunCommandTest.run("stream", "observe", "--type", "complexity",
                "--input", dir.resolve("nope.ndjson").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.ndjson: file not found");
    }
}
