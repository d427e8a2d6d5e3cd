package io.vigil.core.encode;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.data.Column;
import io.vigil.core.data.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifierColumnsTest {
    private static Table table(int rows, java.util.function.IntFunction<Object> id,
                               java.util.function.IntFunction<Object> category) {
        Object[] ids = new Object[rows];
        Object[] categories = new Object[rows];
        double[] amounts = new double[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = id.apply(i);
            categories[i] = category.apply(i);
            amounts[i] = i; // distinct too, but a number measures something: never an identifier
        }
        return new Table(List.of(new Column.Values("order", ids), new Column.Values("method", categories),
                new Column.Numeric("amount", amounts)), rows);
    }

    @Test
    void aTextColumnWithAValueOfItsOwnInEveryRowIsAnIdentifier() {
        Table t = table(5000, i -> "ORD-" + Integer.toHexString(i * 7919), i -> i % 3 == 0 ? "card" : "cash");
        assertThat(IdentifierColumns.find(t)).containsExactly("order");
    }

    @Test
    void oneRepeatAnywhereMakesItData() {
        // The repeat sits past the rows checked first, so the hashed pass has to find it.
        Table t = table(5000, i -> "ORD-" + (i == 4321 ? 17 : i), i -> "x" + i);
        assertThat(IdentifierColumns.find(t)).containsExactly("method");
    }

    @Test
    void missingValuesAndSmallTablesAreNotIdentifiers() {
        assertThat(IdentifierColumns.find(table(5000, i -> i == 2500 ? null : "id" + i, i -> "a"))).isEmpty();
        assertThat(IdentifierColumns.find(table(5000, i -> i == 2500 ? " " : "id" + i, i -> "a"))).isEmpty();
        assertThat(IdentifierColumns.find(table(IdentifierColumns.MIN_ROWS - 1, i -> "id" + i, i -> "a"))).isEmpty();
        assertThat(IdentifierColumns.find(table(IdentifierColumns.MIN_ROWS, i -> "id" + i, i -> "a")))
                .containsExactly("order");
    }

    @Test
    void onlyColumnsTheEncoderWouldHashCountAndValuesCompareAsTheEncoderReadsThem() {
        // Distinct numeric strings are a measurement to the schema inference, not a hashed identifier.
        assertThat(IdentifierColumns.find(table(5000, i -> Integer.toString(1000 + i), i -> "a"))).isEmpty();
        // 3 and "3" read the same to the encoder: a repeat, so not an identifier.
        Object[] mixed = new Object[50];
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = "id-" + i;
        }
        mixed[10] = 3L;
        mixed[11] = "3";
        assertThat(IdentifierColumns.find(new Table(List.of(new Column.Values("ref", mixed)), mixed.length)))
                .isEmpty();
        mixed[11] = Double.NaN; // missing to the encoder
        assertThat(IdentifierColumns.find(new Table(List.of(new Column.Values("ref", mixed)), mixed.length)))
                .isEmpty();
    }
}
