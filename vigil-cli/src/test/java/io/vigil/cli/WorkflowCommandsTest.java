package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowCommandsTest {
    @TempDir
    Path dir;
    Path csv;
    String dataDir;

    @BeforeEach
    void writeData() throws IOException {
        Random r = new Random(5);
        StringBuilder sb = new StringBuilder("transaction_id,amount,hour,payment_method,label\n");
        for (int i = 0; i < 400; i++) {
            boolean odd = i % 20 == 9;
            sb.append("TXN_").append(i).append(',')
                    .append(odd ? 3000 + 100 * r.nextGaussian() : 30 + 5 * r.nextGaussian()).append(',')
                    .append(odd ? 2 : 10 + r.nextInt(8)).append(',').append(i % 3 == 0 ? "credit" : "debit")
                    .append(',').append(odd ? 1 : 0).append('\n');
        }
        csv = Files.writeString(dir.resolve("tx.csv"), sb.toString());
        dataDir = dir.resolve("data").toString();
    }

    static DetectRunCommandTest.Result run(String... args) {
        return DetectRunCommandTest.run(args);
    }

    @Test
    void importCreateRunAndShowResultsLikeTheTutorial() throws IOException {
        DetectRunCommandTest.Result imported = run("dataset", "import", csv.toString(), "--name", "ecommerce",
                "--data-dir", dataDir);
        assertThat(imported.err()).isEmpty();
        assertThat(imported.out()).contains("rows      400", "label     label");
        assertThat(run("dataset", "list", "--data-dir", dataDir).out()).contains("ecommerce", "400");
        DetectRunCommandTest.Result info = run("dataset", "info", "ecommerce", "--data-dir", dataDir);
        assertThat(info.out()).contains("amount", "DOUBLE", "payment_method", "debit (266)");
        DetectRunCommandTest.Result preview = run("dataset", "preview", "ecommerce", "--rows", "3", "--data-dir",
                dataDir);
        assertThat(preview.out().lines().count()).isEqualTo(4);
        assertThat(preview.out()).contains("TXN_2");

        DetectRunCommandTest.Result created = run("detector", "create", "--name", "fraud_detector", "--algorithm",
                "IsolationForest", "--contamination", "0.05", "--exclude", "transaction_id", "--param", "trees=100",
                "--description", "E-commerce fraud detection", "--data-dir", dataDir);
        assertThat(created.err()).isEmpty();
        assertThat(created.out()).contains("isolation_forest", "0.05");
        assertThat(run("detector", "show", "fraud_detector", "--data-dir", dataDir).out())
                .contains("E-commerce fraud detection", "{trees=100}");
        assertThat(run("detector", "list", "--data-dir", dataDir).out()).contains("fraud_detector");

        Path out = dir.resolve("results.csv");
        DetectRunCommandTest.Result ran = run("detect", "run", "--detector", "fraud_detector", "--dataset",
                "ecommerce", "--output", out.toString(), "--data-dir", dataDir);
        assertThat(ran.err()).isEmpty();
        assertThat(ran.code()).isZero();
        assertThat(ran.out()).contains("done       100.0%  400/400 rows", "state          succeeded", "roc_auc",
                "confusion");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("index,score,raw_score,is_anomaly,transaction_id,amount,hour,"
                + "payment_method,label");
        assertThat(lines).hasSize(401);

        DetectRunCommandTest.Result latest = run("detect", "results", "--latest", "--data-dir", dataDir);
        assertThat(latest.code()).isZero();
        assertThat(latest.out()).contains("state          succeeded", "top 10 of", "TXN_");
        double auc = Double.parseDouble(latest.out().lines().filter(l -> l.startsWith("roc_auc")).findFirst()
                .orElseThrow().substring(15).trim());
        assertThat(auc).isGreaterThan(0.95);
        String id = latest.out().lines().findFirst().orElseThrow().substring(15).trim();
        assertThat(run("detect", "results", "--run", id, "--top", "0", "--data-dir", dataDir).out())
                .doesNotContain("top ");

        assertThat(run("dataset", "delete", "ecommerce", "--data-dir", dataDir).code()).isZero();
        assertThat(run("detector", "delete", "fraud_detector", "--data-dir", dataDir).code()).isZero();
    }

    @Test
    void badInputIsExitTwoWithOneLineNamingTheOption() {
        run("dataset", "import", csv.toString(), "--name", "tx", "--data-dir", dataDir);
        assertOneLine(run("dataset", "import", csv.toString(), "--name", "bad/name", "--data-dir", dataDir),
                "--name");
        assertOneLine(run("dataset", "import", csv.toString(), "--name", "t2", "--label", "nope", "--data-dir",
                dataDir), "--label");
        assertOneLine(run("dataset", "import", dir.resolve("missing.csv").toString(), "--name", "t3", "--data-dir",
                dataDir), "FILE");
        assertOneLine(run("dataset", "import", csv.toString(), "--name", "tx", "--data-dir", dataDir),
                "exists already");
        assertOneLine(run("dataset", "preview", "tx", "--rows", "0", "--data-dir", dataDir), "--rows");
        assertOneLine(run("dataset", "import", csv.toString(), "--data-dir", dataDir), "--name");
        assertOneLine(run("detector", "create", "--name", "d", "--data-dir", dataDir), "--algorithm");
        assertOneLine(run("dataset", "info", "ghost", "--data-dir", dataDir), "ghost");
        assertOneLine(run("detector", "create", "--name", "d", "--algorithm", "isolation_forest", "--param",
                "trees=-1", "--data-dir", dataDir), "--param trees");
        assertOneLine(run("detector", "create", "--name", "d", "--algorithm", "deep_magic", "--data-dir", dataDir),
                "--algorithm");
        assertOneLine(run("detector", "create", "--name", "d", "--algorithm", "ecod", "--contamination", "2",
                "--data-dir", dataDir), "--contamination");
        run("detector", "create", "--name", "d", "--algorithm", "ecod", "--columns", "nope", "--data-dir", dataDir);
        assertOneLine(run("detect", "run", "--detector", "d", "--dataset", "tx", "--data-dir", dataDir),
                "--detector");
        assertOneLine(run("detect", "run", "--detector", "d", "--input", csv.toString(), "--data-dir", dataDir),
                "--input");
        assertOneLine(run("detect", "run", "--detector", "d", "--dataset", "tx", "--param", "trees=3",
                "--data-dir", dataDir), "--param");
        assertOneLine(run("detect", "run", "--dataset", "tx", "--data-dir", dataDir), "--detector");
        assertOneLine(run("detect", "run"), "--input");
        assertOneLine(run("detect", "results", "--data-dir", dataDir), "--latest");
        assertOneLine(run("detect", "results", "--latest", "--anomalies-only", "--data-dir", dataDir),
                "--anomalies-only", "--output");
        assertOneLine(run("detect", "results", "--latest", "--top", "1001", "--data-dir", dataDir), "--top");
        assertOneLine(run("detect", "results", "--run", "run-000000000000", "--data-dir", dataDir),
                "run-000000000000");
    }

    private static void assertOneLine(DetectRunCommandTest.Result r, String... mentions) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("vigil: ").contains(mentions).doesNotContain("\tat ");
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
    }

    @Test
    void createSampleMakesALabelledDatasetAndNamesBadOptions() {
        DetectRunCommandTest.Result made = run("dataset", "create-sample", "--name", "sensors", "--type", "sensor",
                "--size", "300", "--anomaly-rate", "0.05", "--seed", "3", "--data-dir", dataDir);
        assertThat(made.err()).isEmpty();
        assertThat(made.out()).contains("rows      300", "label     label", "sample:sensor");
        DetectRunCommandTest.Result badType = run("dataset", "create-sample", "--name", "x", "--type", "radio",
                "--data-dir", dataDir);
        assertThat(badType.code()).isEqualTo(2);
        assertThat(badType.err()).contains("--type", "ecommerce");
        DetectRunCommandTest.Result badSize = run("dataset", "create-sample", "--name", "x", "--type", "sensor",
                "--size", "3", "--data-dir", dataDir);
        assertThat(badSize.code()).isEqualTo(2);
        assertThat(badSize.err()).contains("--size");
    }
}
