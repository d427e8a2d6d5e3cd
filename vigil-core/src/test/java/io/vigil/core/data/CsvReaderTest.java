package io.vigil.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    static Table parse(String csv) {
        return CsvReader.parse("t.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsNumericAndTextColumns() {
        Table t = parse("a,b,c\n1,x,2.5\n-3e2,\"y, z\",\n");
        assertThat(t.rows()).isEqualTo(2);
        assertThat(t.names()).containsExactly("a", "b", "c");
        assertThat(((Column.Numeric) t.column("a")).values()).containsExactly(1.0, -300.0);
        assertThat(((Column.Values) t.column("b")).values()).containsExactly("x", "y, z");
        assertThat(((Column.Numeric) t.column("c")).values()[1]).isNaN();
    }

    @Test
    void handlesQuotesCrlfBomAndBlankLines() {
        Table t = parse("\uFEFFname,v\r\n\"he said \"\"hi\"\"\",1\r\n\r\n\"multi\nline\",2\r\n");
        assertThat(t.rows()).isEqualTo(2);
        assertThat(((Column.Values) t.column("name")).values()).containsExactly("he said \"hi\"", "multi\nline");
        assertThat(((Column.Numeric) t.column("v")).values()).containsExactly(1.0, 2.0);
    }

    @Test
    void strayTextInANumericColumnNamesLineAndColumn() {
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < 50; i++) {
            sb.append(i).append(',').append(i * 2).append('\n');
        }
        sb.append("7,oops\n");
        assertThatThrownBy(() -> parse(sb.toString()))
                .isInstanceOf(DataFormatException.class)
                .satisfies(e -> {
                    DataFormatException d = (DataFormatException) e;
                    assertThat(d.line()).isEqualTo(52);
                    assertThat(d.column()).isEqualTo("y");
                    assertThat(d.toString()).startsWith("t.csv:52: column 'y': 'oops' is not a number");
                });
    }

    @Test
    void largeFilesParsedInPartsKeepRowOrderAndLineNumbers() {
        StringBuilder sb = new StringBuilder("a,b\n");
        int rows = 120_000;
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(',').append(i * 0.5).append('\n');
        }
        Table t = parse(sb.toString());
        assertThat(t.rows()).isEqualTo(rows);
        double[] a = ((Column.Numeric) t.column("a")).values();
        for (int i = 0; i < rows; i++) {
            assertThat(a[i]).isEqualTo(i);
        }
        sb.append("1,\n\n7,bad\n");
        assertThatThrownBy(() -> parse(sb.toString())).isInstanceOf(DataFormatException.class)
                .satisfies(e -> assertThat(((DataFormatException) e).line()).isEqualTo(rows + 4));
        StringBuilder ragged = new StringBuilder("a,b\n");
        for (int i = 0; i < rows; i++) {
            ragged.append(i).append(i == 100_000 ? "" : ",1").append('\n');
        }
        assertThatThrownBy(() -> parse(ragged.toString())).isInstanceOf(DataFormatException.class)
                .satisfies(e -> assertThat(((DataFormatException) e).line()).isEqualTo(100_002));
    }

    @Test
    void raggedRowsAreRejectedWithTheirLine() {
        assertThatThrownBy(() -> parse("a,b\n1,2\n3\n"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("the row has 1 fields but the header has 2")
                .satisfies(e -> assertThat(((DataFormatException) e).line()).isEqualTo(3));
    }

    @Test
    void emptyAndHeaderOnlyFilesAreRejected() {
        assertThatThrownBy(() -> parse("")).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> parse("a,b\n")).hasMessageContaining("no data rows");
        assertThatThrownBy(() -> parse("a,a\n1,2\n")).hasMessageContaining("twice");
        assertThatThrownBy(() -> parse("a,\n1,2\n")).hasMessageContaining("has no name");
        assertThatThrownBy(() -> parse("a\n\"open\n")).hasMessageContaining("never closed");
    }

    @Test
    void missingFileIsReportedPlainly() {
        assertThatThrownBy(() -> CsvReader.read(Path.of("/nonexistent/x.csv")))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("file not found");
    }

    @Test
    void readsGzipByItsMagicBytes(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("a,b\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
        }
        Path f = dir.resolve("d.csv.gz");
        Files.write(f, bytes.toByteArray());
        Table t = CsvReader.read(f);
        assertThat(((Column.Numeric) t.column("b")).values()).containsExactly(2.0, 4.0);
    }

    @Test
    void aQuotedLineBreakInALargeFileIsOneCellWhereverThePartsAreCut() {
        StringBuilder sb = new StringBuilder("id,note,x\n");
        int rows = 60_000;
        for (int i = 0; i < rows; i++) {
            String note = i % 7_919 == 0 ? "\"line one\nline two, with a comma\"" : "plain" + (i % 13);
            sb.append(i).append(',').append(note).append(',').append(i * 0.5).append('\n');
        }
        assertThat(sb.length()).isGreaterThan(CsvReader.PARALLEL_BYTES);
        Table t = parse(sb.toString());
        assertThat(t.rows()).isEqualTo(rows);
        assertThat(t.column("note").get(7_919 * 4)).isEqualTo("line one\nline two, with a comma");
        assertThat(((Column.Numeric) t.column("x")).values()[rows - 1]).isEqualTo((rows - 1) * 0.5);
    }

    @Test
    void aQuoteInsideAnUnquotedCellIsJustACharacterInTheParallelParse() {
        StringBuilder sb = new StringBuilder("id,size\n");
        int rows = 80_000;
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(',').append(i % 5 == 0 ? "12\" screen" : "small").append('\n');
        }
        Table t = parse(sb.toString());
        assertThat(t.rows()).isEqualTo(rows);
        assertThat(t.column("size").get(5)).isEqualTo("12\" screen");
    }
}
