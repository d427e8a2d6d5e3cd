package io.vigil.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Workflow workflow;

    @BeforeEach
    void open() {
        workflow = Workflow.open(dir.resolve("data"), CLOCK, 1, 2);
    }

    @AfterEach
    void close() {
        workflow.close();
    }

    /** Transactions: every 20th row (5%) has a huge amount at night; the label says which. */
    static String transactions(int rows) {
        Random r = new Random(7);
        StringBuilder sb = new StringBuilder("id,amount,hour,method,label\n");
        for (int i = 0; i < rows; i++) {
            boolean odd = i % 20 == 3;
            double amount = odd ? 5000 + 500 * r.nextGaussian() : 40 + 10 * r.nextGaussian();
            int hour = odd ? r.nextInt(4) : 8 + r.nextInt(12);
            String method = i % 3 == 0 ? "credit" : i % 3 == 1 ? "debit" : "cash";
            sb.append(i).append(',').append(amount).append(',').append(hour).append(',').append(method).append(',')
                    .append(odd ? 1 : 0).append('\n');
        }
        return sb.toString();
    }

    Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    DatasetInfo importTransactions(String name, int rows) throws IOException {
        return workflow.datasets().importFile(name, csv(name + ".csv", transactions(rows)), null, null);
    }

    DetectorSpec detector(String name, String algorithm, Map<String, Object> params) {
        return workflow.detectors().create(new DetectorRequest(name, algorithm, params, 0.05, null, List.of("id"),
                3L, "test"));
    }

    RunInfo runToEnd(String detector, String dataset) throws InterruptedException {
        RunInfo run = workflow.runs().start(detector, dataset);
        return workflow.runs().await(run.id(), Duration.ofSeconds(60));
    }

    @Test
    void importsCsvWithTypesLabelPreviewAndStatistics() throws IOException {
        DatasetInfo info = importTransactions("tx", 200);
        assertThat(info.rows()).isEqualTo(200);
        assertThat(info.labelColumn()).isEqualTo("label");
        assertThat(info.format()).isEqualTo("csv");
        assertThat(info.columns()).extracting(ColumnInfo::name).containsExactly("id", "amount", "hour", "method",
                "label");
        assertThat(info.column("amount").kind()).isEqualTo("numeric");
        assertThat(info.column("method").kind()).isEqualTo("text");
        assertThat(workflow.datasets().list()).extracting(DatasetInfo::id).containsExactly("tx");

        DatasetPreview preview = workflow.datasets().preview("tx", 3);
        assertThat(preview.rows()).hasSize(3);
        assertThat(preview.rows().get(1).get(0)).isEqualTo(1L);
        assertThat(preview.rows().get(1).get(3)).isEqualTo("debit");

        List<ColumnStats> stats = workflow.datasets().stats("tx");
        ColumnStats hour = stats.stream().filter(s -> s.name().equals("hour")).findFirst().orElseThrow();
        assertThat(hour.count()).isEqualTo(200);
        assertThat(hour.missing()).isZero();
        assertThat(((Number) hour.min()).doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(((Number) hour.max()).doubleValue()).isLessThanOrEqualTo(19);
        assertThat(hour.mean()).isNotNull();
        ColumnStats method = stats.stream().filter(s -> s.name().equals("method")).findFirst().orElseThrow();
        assertThat(method.distinct()).isEqualTo(3);
        assertThat(method.topValues()).extracting(ColumnStats.ValueCount::value).containsExactly("credit", "debit",
                "cash");
        assertThat(method.mean()).isNull();
    }

    @Test
    void countsMissingValuesAndImportsGzipUploadsAndParquet() throws Exception {
        String text = "a,b,note\n1,2,x\n,3,\n4,,y\n";
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        DatasetInfo up = workflow.datasets().importStream("up", new ByteArrayInputStream(gz.toByteArray()), "csv",
                null);
        assertThat(up.rows()).isEqualTo(3);
        assertThat(up.source()).isEqualTo("upload");
        assertThat(up.labelColumn()).isNull();
        List<ColumnStats> stats = workflow.datasets().stats("up");
        assertThat(stats).extracting(ColumnStats::missing).containsExactly(1L, 1L, 1L);

        Path parquet = dir.resolve("p.parquet");
        try (Connection c = InMemoryDuckDb.open(); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT range AS n, range * 2.5 AS v, range % 7 = 0 AS is_anomaly FROM range(50)) TO "
                    + InMemoryDuckDb.literal(parquet) + " (FORMAT parquet)");
        }
        DatasetInfo pq = workflow.datasets().importFile("pq", parquet, null, null);
        assertThat(pq.format()).isEqualTo("parquet");
        assertThat(pq.rows()).isEqualTo(50);
        assertThat(pq.labelColumn()).isEqualTo("is_anomaly");
        assertThat(pq.column("is_anomaly").kind()).isEqualTo("boolean");
        LoadedDataset loaded = workflow.datasets().load("pq", null, null);
        assertThat(loaded.features().names()).containsExactly("n", "v");
        assertThat(loaded.labels()[7]).isTrue();
        assertThat(loaded.labels()[8]).isFalse();
    }

    @Test
    void refusesBadImportsNamingTheField() throws IOException {
        Path file = csv("x.csv", transactions(10));
        assertThatThrownBy(() -> workflow.datasets().importFile("../evil", file, null, null))
                .isInstanceOfSatisfying(InvalidWorkflowRequestException.class, e -> assertThat(e.field())
                        .isEqualTo("name"));
        assertThatThrownBy(() -> workflow.datasets().importFile("x", file, null, "nope"))
                .isInstanceOfSatisfying(InvalidWorkflowRequestException.class, e -> assertThat(e.field())
                        .isEqualTo("label"));
        assertThatThrownBy(() -> workflow.datasets().importFile("x", file, null, "method"))
                .hasMessageContaining("not 1/0");
        assertThatThrownBy(() -> workflow.datasets().importFile("x", dir.resolve("none.csv"), null, null))
                .isInstanceOfSatisfying(InvalidWorkflowRequestException.class, e -> assertThat(e.field())
                        .isEqualTo("file"));
        assertThatThrownBy(() -> workflow.datasets().importFile("x", file, "xlsx", null))
                .isInstanceOfSatisfying(InvalidWorkflowRequestException.class, e -> assertThat(e.field())
                        .isEqualTo("format"))
                .hasMessage("format must be csv or parquet, got 'xlsx'");
        Path unnamed = Files.writeString(dir.resolve("x.data"), transactions(10));
        assertThatThrownBy(() -> workflow.datasets().importFile("x", unnamed, null, null))
                .isInstanceOfSatisfying(InvalidWorkflowRequestException.class, e -> assertThat(e.field())
                        .isEqualTo("format"))
                .hasMessageContaining("cannot tell the format of").hasMessageContaining("give the format");
        assertThatThrownBy(() -> workflow.datasets().importStream("x", new ByteArrayInputStream(new byte[0]),
                null, null)).hasMessage("format must be csv or parquet, got nothing");
        assertThat(workflow.datasets().importStream("upper", new ByteArrayInputStream(
                transactions(10).getBytes(StandardCharsets.UTF_8)), "CSV", null).rows()).isEqualTo(10);
        workflow.datasets().delete("upper");
        workflow.datasets().importFile("x", file, null, null);
        assertThatThrownBy(() -> workflow.datasets().importFile("x", file, null, null))
                .isInstanceOf(NameTakenException.class);
        assertThatThrownBy(() -> workflow.datasets().get("y")).isInstanceOf(DatasetNotFoundException.class);
        workflow.datasets().delete("x");
        assertThat(workflow.datasets().list()).isEmpty();
        assertThat(Files.list(workflow.root().resolve("datasets")).toList()).isEmpty();
    }

    @Test
    void detectorsAcceptAliasesAndRefuseBadParametersByName() {
        DetectorSpec spec = detector("fraud", "IsolationForest", Map.of("trees", 50));
        assertThat(spec.algorithm()).isEqualTo("isolation_forest");
        assertThat(workflow.detectors().create(new DetectorRequest("lof", "LOF", null, "auto", null, null, null,
                null)).thresholdRule()).isEqualTo("auto");
        assertThat(workflow.detectors().list()).extracting(DetectorSpec::name).containsExactly("fraud", "lof");
        assertThat(workflow.detectors().get("fraud").parameters()).containsEntry("trees", 50);

        assertThatThrownBy(() -> detector("bad", "isolation_forest", Map.of("trees", -3)))
                .isInstanceOfSatisfying(InvalidWorkflowRequestException.class, e -> assertThat(e.field())
                        .isEqualTo("parameters.trees"));
        assertThatThrownBy(() -> detector("bad", "isolation_forest", Map.of("leaves", 3)))
                .isInstanceOfSatisfying(InvalidWorkflowRequestException.class, e -> assertThat(e.field())
                        .isEqualTo("parameters.leaves"));
        assertThatThrownBy(() -> detector("bad", "magic", null))
                .isInstanceOfSatisfying(InvalidWorkflowRequestException.class, e -> assertThat(e.field())
                        .isEqualTo("algorithm"));
        assertThatThrownBy(() -> workflow.detectors().create(new DetectorRequest("bad", "ecod", null, 0.9, null,
                null, null, null))).isInstanceOfSatisfying(InvalidWorkflowRequestException.class,
                e -> assertThat(e.field()).isEqualTo("contamination"));
        assertThatThrownBy(() -> detector("fraud", "ecod", null)).isInstanceOf(NameTakenException.class);
        workflow.detectors().delete("lof");
        assertThatThrownBy(() -> workflow.detectors().get("lof")).isInstanceOf(DetectorNotFoundException.class);
    }

    @Test
    void aRunFinishesWithMetricsPagedResultsCsvAndCharts() throws Exception {
        importTransactions("tx", 1000);
        detector("fraud", "IsolationForest", Map.of("trees", 100));
        RunInfo run = runToEnd("fraud", "tx");
        assertThat(run.state()).as(String.valueOf(run.message())).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.progress().percent()).isEqualTo(100);
        assertThat(run.summary().rows()).isEqualTo(1000);
        assertThat(run.summary().featureNames()).doesNotContain("id", "label");
        assertThat(run.summary().anomalies()).isBetween(45L, 55L);
        RunMetrics m = run.metrics();
        assertThat(m.positives()).isEqualTo(50);
        assertThat(m.rocAuc()).isGreaterThan(0.95);
        assertThat(m.recall()).isGreaterThan(0.8);
        assertThat(m.confusionMatrix().truePositives() + m.confusionMatrix().falseNegatives()).isEqualTo(50);
        assertThat(workflow.runs().latest().id()).isEqualTo(run.id());

        ResultPage top = workflow.runs().results(run.id(), 0, 10, false, "score");
        assertThat(top.total()).isEqualTo(1000);
        assertThat(top.rows()).hasSize(10);
        assertThat(top.rows().get(0).score()).isGreaterThanOrEqualTo(top.rows().get(9).score());
        assertThat(top.rows().get(0).values()).containsEntry("label", 1L).containsKey("amount");
        ResultPage byIndex = workflow.runs().results(run.id(), 5, 3, false, "index");
        assertThat(byIndex.rows()).extracting(ResultPage.Row::index).containsExactly(5L, 6L, 7L);
        assertThat(byIndex.rows().get(0).values()).containsEntry("id", 5L);
        ResultPage flagged = workflow.runs().results(run.id(), 0, 1000, true, "index");
        assertThat(flagged.total()).isEqualTo(run.summary().anomalies());
        assertThat(flagged.rows()).allMatch(ResultPage.Row::isAnomaly);
        // Every flagged row is explained by its three largest contributions; the planted rows by amount or hour.
        assertThat(flagged.rows()).allSatisfy(row -> {
            assertThat(row.topFeatures()).hasSize(RunExplanations.TOP);
            assertThat(row.topFeatures().get(0).contribution())
                    .isGreaterThanOrEqualTo(row.topFeatures().get(2).contribution());
            assertThat(run.summary().featureNames()).contains(row.topFeatures().get(0).feature());
        });
        assertThat(top.rows().get(0).topFeatures().get(0).feature()).isIn("amount", "hour");
        ResultPage unflagged = workflow.runs().results(run.id(), 0, 1000, false, "index");
        assertThat(unflagged.rows()).filteredOn(r -> !r.isAnomaly()).allMatch(r -> r.topFeatures() == null);
        assertThatThrownBy(() -> workflow.runs().results(run.id(), 0, 0, false, "score"))
                .isInstanceOfSatisfying(InvalidWorkflowRequestException.class, e -> assertThat(e.field())
                        .isEqualTo("limit"));
        assertThatThrownBy(() -> workflow.runs().results(run.id(), 0, 10, false, "rank"))
                .isInstanceOfSatisfying(InvalidWorkflowRequestException.class, e -> assertThat(e.field())
                        .isEqualTo("sort"))
                .hasMessage("sort must be score or index, got 'rank'");

        Path all = dir.resolve("all.csv");
        workflow.runs().exportCsv(run.id(), false, all);
        List<String> lines = Files.readAllLines(all);
        assertThat(lines.get(0)).isEqualTo("index,score,raw_score,is_anomaly,id,amount,hour,method,label");
        assertThat(lines).hasSize(1001);
        assertThat(lines.get(1)).startsWith("0,");
        Path anomalies = dir.resolve("anomalies.csv");
        workflow.runs().exportCsv(run.id(), true, anomalies);
        assertThat(Files.readAllLines(anomalies)).hasSize((int) run.summary().anomalies() + 1)
                .allMatch(l -> l.startsWith("index") || l.contains(",true,"));

        RunCharts charts = workflow.runs().charts(run.id(), "amount", "hour");
        assertThat(charts.histogram().bins()).hasSize(ScoreCharts.BINS);
        assertThat(charts.histogram().bins().stream().mapToLong(RunCharts.Bin::count).sum()).isEqualTo(1000);
        assertThat(charts.histogram().threshold()).isEqualTo(run.summary().threshold());
        assertThat(charts.roc()).isNotEmpty();
        assertThat(charts.roc().get(0)).isEqualTo(new RunCharts.RocPoint(0, 0));
        assertThat(charts.roc().get(charts.roc().size() - 1)).isEqualTo(new RunCharts.RocPoint(1, 1));
        assertThat(charts.scatter().points().stream().filter(RunCharts.Point::isAnomaly).count())
                .isEqualTo(run.summary().anomalies());
        assertThatThrownBy(() -> workflow.runs().charts(run.id(), "method", "hour"))
                .isInstanceOfSatisfying(InvalidWorkflowRequestException.class, e -> assertThat(e.field())
                        .isEqualTo("x"));
    }

    @Test
    void theScatterSaysWhichAxisIsATimeSoTheChartCanLabelIt() throws Exception {
        DatasetInfo shop = workflow.datasets().createSample("shop",
                new io.vigil.core.sample.SampleSpec(io.vigil.core.sample.SampleKind.ECOMMERCE, 300, 0.05, 1));
        assertThat(shop.column("transaction_time").kind()).isEqualTo(ColumnInfo.TEMPORAL);
        workflow.detectors().create(new DetectorRequest("hb", "hbos", null, 0.05, null, List.of(), 3L, "test"));
        RunInfo run = runToEnd("hb", "shop");
        assertThat(run.state()).as(String.valueOf(run.message())).isEqualTo(RunState.SUCCEEDED);
        RunCharts.Scatter scatter = workflow.runs().charts(run.id(), "transaction_time", "amount").scatter();
        assertThat(scatter.xKind()).isEqualTo(ColumnInfo.TEMPORAL);
        assertThat(scatter.yKind()).isEqualTo(ColumnInfo.NUMERIC);
        // Epoch seconds: the sample's transactions fall on 2026-01-01.
        assertThat(scatter.points().get(0).x()).isBetween(1_767_225_600.0, 1_767_312_000.0);
    }

    @Test
    void aTextColumnWithADifferentValueInEveryRowIsLeftOutAsAnIdentifier() throws Exception {
        StringBuilder csv = new StringBuilder("order,amount,method,label\n");
        for (int i = 0; i < 200; i++) {
            csv.append("ORD-").append(Integer.toHexString(0x10000 + i * 7919)).append(',').append(40 + i % 9)
                    .append(',').append(i % 3 == 0 ? "card" : "cash").append(',').append(i % 20 == 0 ? 1 : 0)
                    .append('\n');
        }
        workflow.datasets().importFile("orders", csv("orders.csv", csv.toString()), null, null);
        workflow.detectors().create(new DetectorRequest("auto-cols", "isolation_forest", null, 0.05, null, List.of(),
                3L, "test"));
        RunInfo run = runToEnd("auto-cols", "orders");
        assertThat(run.state()).as(String.valueOf(run.message())).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.summary().ignoredColumns()).containsExactly("order");
        assertThat(run.summary().featureNames()).noneMatch(f -> f.startsWith("order"));

        // Named in columns, it is a feature as asked; method repeats, so it never counted as an identifier.
        workflow.detectors().create(new DetectorRequest("named-cols", "isolation_forest", null, 0.05,
                List.of("order", "amount", "method"), List.of(), 3L, "test"));
        RunInfo named = runToEnd("named-cols", "orders");
        assertThat(named.summary().ignoredColumns()).isEmpty();
        assertThat(named.summary().featureNames()).anyMatch(f -> f.startsWith("order"));
    }

    @Test
    void theScatterSampleKeepsEveryFlaggedRowWhenItThinsNormalOnes() throws Exception {
        importTransactions("big", 30_000);
        detector("hb", "hbos", null);
        RunInfo run = runToEnd("hb", "big");
        assertThat(run.state()).as(String.valueOf(run.message())).isEqualTo(RunState.SUCCEEDED);
        RunCharts.Scatter scatter = workflow.runs().charts(run.id(), "amount", "hour").scatter();
        assertThat(scatter.sampled()).isTrue();
        assertThat((long) scatter.points().size()).isLessThan(run.summary().anomalies() + ResultsStore.SCATTER_BUDGET);
        assertThat(scatter.points().stream().filter(RunCharts.Point::isAnomaly).count())
                .isEqualTo(run.summary().anomalies());
    }

    @Test
    void aCancelledRunEndsCancelledWithoutResults() throws Exception {
        importTransactions("tx", 20_000);
        detector("slow", "isolation_forest", Map.of("trees", 200));
        RunInfo first = workflow.runs().start("slow", "tx");
        RunInfo second = workflow.runs().start("slow", "tx");
        assertThat(workflow.runs().cancel(second.id()).state()).isEqualTo(RunState.CANCELLED);
        workflow.runs().cancel(first.id());
        RunInfo ended = workflow.runs().await(first.id(), Duration.ofSeconds(60));
        assertThat(ended.state()).isEqualTo(RunState.CANCELLED);
        assertThat(ended.message()).startsWith("cancelled");
        assertThatThrownBy(() -> workflow.runs().results(first.id(), 0, 10, false, "score"))
                .isInstanceOf(RunNotFinishedException.class);
        assertThat(workflow.runs().get(second.id()).state()).isEqualTo(RunState.CANCELLED);
    }

    @Test
    void comparesDetectorsOnALabelledDataset() throws Exception {
        importTransactions("tx", 600);
        detector("forest", "isolation_forest", null);
        detector("tails", "ECOD", null);
        Comparison c = workflow.compare("tx", List.of("forest", "tails"), Duration.ofSeconds(60));
        assertThat(c.results()).extracting(Comparison.Entry::detector).containsExactly("forest", "tails");
        assertThat(c.results()).allSatisfy(e -> {
            assertThat(e.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(e.metrics().rocAuc()).isGreaterThan(0.9);
        });
        workflow.datasets().importFile("plain", csv("plain.csv", "a,b\n1,2\n3,4\n"), null, null);
        assertThatThrownBy(() -> workflow.compare("plain", List.of("forest"), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(InvalidWorkflowRequestException.class, e -> assertThat(e.field())
                        .isEqualTo("dataset"))
                .hasMessageContaining("nothing to compare against");
        assertThatThrownBy(() -> workflow.compare("tx", List.of(), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(InvalidWorkflowRequestException.class, e -> assertThat(e.field())
                        .isEqualTo("detectors"))
                .hasMessage("detectors must name at least one detector");
    }

    @Test
    void aRunLeftRunningByADeadProcessIsMarkedFailedOnOpen() throws Exception {
        importTransactions("tx", 100);
        detector("forest", "isolation_forest", null);
        RunInfo done = runToEnd("forest", "tx");
        Path file = workflow.root().resolve("runs").resolve(done.id()).resolve(Runs.RUN_FILE);
        RunInfo stale = new RunInfo(done.id(), done.detector(), done.algorithm(), done.dataset(), RunState.RUNNING,
                null, done.createdAt(), done.startedAt(), null, new RunProgress("fitting", 0, 100, 10), null, null,
                done.detectorSpec(), Long.MAX_VALUE - 1);
        WorkflowJson.write(file, stale);
        workflow.close();
        workflow = Workflow.open(dir.resolve("data"), CLOCK, 1, 2);
        RunInfo reopened = workflow.runs().get(done.id());
        assertThat(reopened.state()).isEqualTo(RunState.FAILED);
        assertThat(reopened.message()).contains("stopped before it finished");
    }

    @Test
    void aSecondServiceOnTheSameDataDirLeavesTheFirstOnesStagedFilesAlone(@TempDir Path shared) throws Exception {
        try (Workflow server = Workflow.open(shared, java.time.Clock.systemUTC())) {
            Path upload = java.nio.file.Files.writeString(server.tmpDir().resolve("upload.csv"), "a\n1\n");
            try (Workflow cli = Workflow.open(shared, java.time.Clock.systemUTC())) {
                assertThat(cli.tmpDir()).isNotEqualTo(server.tmpDir());
                assertThat(upload).exists();
            }
            assertThat(upload).exists();
            // A folder left by a process that has gone is cleared by the next service to open.
            Path abandoned = java.nio.file.Files.createDirectories(server.tmpDir().resolveSibling("999999999-1"));
            try (Workflow next = Workflow.open(shared, java.time.Clock.systemUTC())) {
                assertThat(abandoned).doesNotExist();
                assertThat(upload).exists();
            }
        }
    }
}
