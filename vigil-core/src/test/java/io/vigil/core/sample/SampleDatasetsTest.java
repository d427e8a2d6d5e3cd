package io.vigil.core.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.data.Column;
import io.vigil.core.data.CsvReader;
import io.vigil.core.data.Table;
import io.vigil.core.detect.InvalidParameterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SampleDatasetsTest {
    @TempDir
    Path dir;

    @Test
    void parsesKindsIgnoringCaseAndNamesTypeOtherwise() {
        assertThat(SampleKind.parse("ecommerce")).isEqualTo(SampleKind.ECOMMERCE);
        assertThat(SampleKind.parse("Sensor")).isEqualTo(SampleKind.SENSOR);
        assertThat(SampleKind.parse("API_TRAFFIC")).isEqualTo(SampleKind.API_TRAFFIC);
        assertThatThrownBy(() -> SampleKind.parse("weather"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("type must be one of ecommerce, sensor, api_traffic, got 'weather'")
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("type");
        assertThatThrownBy(() -> SampleKind.parse(null)).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void specRejectsOutOfRangeFieldsNamingThem() {
        assertThatThrownBy(() -> new SampleSpec(SampleKind.SENSOR, 9, 0.05, 1))
                .hasMessage("rows must be between 10 and 10000000, got 9")
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("rows");
        assertThatThrownBy(() -> new SampleSpec(SampleKind.SENSOR, 10_000_001, 0.05, 1))
                .hasMessageStartingWith("rows must be between");
        for (double rate : new double[] {-0.01, 0.51, Double.NaN}) {
            assertThatThrownBy(() -> new SampleSpec(SampleKind.SENSOR, 100, rate, 1))
                    .hasMessageStartingWith("anomaly_rate must be between 0 and 0.5")
                    .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("anomaly_rate");
        }
        assertThatThrownBy(() -> new SampleSpec(null, 100, 0.1, 1))
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("type");
    }

    @ParameterizedTest
    @EnumSource(SampleKind.class)
    void writesTheAdvertisedColumnsAndExactlyTheRequestedAnomalyCount(SampleKind kind) throws IOException {
        for (double rate : new double[] {0, 0.013, 0.5}) {
            for (int rows : new int[] {10, 11, 4_801, 12_345}) {
                Path csv = dir.resolve(kind.label() + rows + ".csv");
                SampleDatasets.writeCsv(new SampleSpec(kind, rows, rate, 3), csv);
                List<String> header = Files.readAllLines(csv).subList(0, 1);
                assertThat(header.get(0).split(",")).containsExactlyElementsOf(SampleDatasets.columns(kind));
                Table table = CsvReader.read(csv);
                assertThat(table.rows()).isEqualTo(rows);
                double[] label = ((Column.Numeric) table.column("label")).values();
                assertThat(Arrays.stream(label).filter(v -> v != 0 && v != 1))
                        .isEmpty();
                long anomalies = Arrays.stream(label).filter(v -> v == 1).count();
                assertThat(anomalies).as("%s rows=%d rate=%s", kind, rows, rate).isEqualTo(Math.round(rows * rate));
            }
        }
        assertThat(SampleDatasets.columns(kind)).last().isEqualTo("label");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void columnsHaveTheTypesTheirNamesPromise() throws IOException {
        Path csv = dir.resolve("e.csv");
        SampleDatasets.writeCsv(new SampleSpec(SampleKind.ECOMMERCE, 2_000, 0.05, 9), csv);
        Table t = CsvReader.read(csv);
        assertThat(t.column("amount")).isInstanceOf(Column.Numeric.class);
        assertThat(t.column("items")).isInstanceOf(Column.Numeric.class);
        assertThat(t.column("merchant_category")).isInstanceOf(Column.Values.class);
        double[] hours = ((Column.Numeric) t.column("hour_of_day")).values();
        assertThat(Arrays.stream(hours).allMatch(h -> h >= 0 && h <= 23 && h == Math.rint(h))).isTrue();
        List<String> lines = Files.readAllLines(csv);
        // Rows are in time order, and the hour column agrees with the timestamp.
        for (int i = 2; i < lines.size(); i++) {
            String[] prev = lines.get(i - 1).split(",");
            String[] cur = lines.get(i).split(",");
            assertThat(cur[1]).isGreaterThanOrEqualTo(prev[1]);
            assertThat(Integer.parseInt(cur[1].substring(11, 13))).isEqualTo(Integer.parseInt(cur[5]));
        }
    }

    @Test
    void differentSeedsGiveDifferentData() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        SampleDatasets.writeCsv(new SampleSpec(SampleKind.API_TRAFFIC, 500, 0.05, 1), a);
        SampleDatasets.writeCsv(new SampleSpec(SampleKind.API_TRAFFIC, 500, 0.05, 2), b);
        assertThat(Files.mismatch(a, b)).isNotEqualTo(-1L);
    }
}
