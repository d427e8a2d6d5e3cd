package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.data.CsvReader;
import io.vigil.core.data.DataFormatException;
import io.vigil.core.data.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputPrefetchTest {
    @TempDir
    Path dir;

    @Test
    void theFileNamedByDetectRunIsReadAheadAndGivesTheSameTable() throws IOException {
        Path file = dir.resolve("a.csv");
        Files.writeString(file, "x,y\n1,2\n3,4\n");
        for (String[] args : new String[][] {
                {"detect", "run", "--algorithm", "isolation_forest", "--input", file.toString()},
                {"detect", "run", "--input=" + file}}) {
            InputPrefetch prefetch = InputPrefetch.start(args);
            assertThat(prefetch.startNanos(file, Long.MAX_VALUE)).isLessThan(Long.MAX_VALUE);
            Table table = prefetch.read(file);
            Table direct = CsvReader.read(file);
            assertThat(table.names()).isEqualTo(direct.names());
            assertThat(table.rows()).isEqualTo(direct.rows()).isEqualTo(2);
        }
    }

    @Test
    void aFileThatCannotBeReadGivesTheErrorReadingItWouldHaveGiven() {
        Path missing = dir.resolve("missing.csv");
        InputPrefetch prefetch = InputPrefetch.start(new String[] {"detect", "run", "--input", missing.toString()});
        String direct = null;
        try {
            CsvReader.read(missing);
        } catch (DataFormatException e) {
            direct = e.getMessage();
        }
        assertThat(direct).isNotNull();
        assertThatThrownBy(() -> prefetch.read(missing)).isInstanceOf(DataFormatException.class).hasMessage(direct);
    }

    @Test
    void otherCommandLinesAndOtherPathsAreReadWhenAsked() throws IOException {
        Path file = dir.resolve("b.csv");
        Files.writeString(file, "x\n1\n");
        for (String[] args : new String[][] {
                {"stream", "observe", "--input", file.toString()},
                {"detect", "run", "--detector", "d", "--dataset", "s"},
                {"detect", "run", "--input", file.toString(), "--detector=d", "--dataset", "s"},
                {"detect", "run", "--input"},
                {"detect", "run", "--", "--input", file.toString()},
                {"detect", "run", "--input", dir.resolve("elsewhere.csv").toString()}}) {
            InputPrefetch prefetch = InputPrefetch.start(args);
            assertThat(prefetch.startNanos(file, 42)).isEqualTo(42);
            assertThat(prefetch.read(file).rows()).isEqualTo(1);
        }
    }
}
