package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestReaderTest {
    static JsonRequest read(String json) throws IOException {
        return RequestReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void numberRowsBecomeOneRowMajorMatrix() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            rows.append(i == 0 ? "" : ",").append('[').append(i).append(", ").append(i * 0.5).append(", -1e-3]");
        }
        JsonRequest r = read("{\"model\": \"m\", \"data\": [" + rows + "], \"n_estimators\": 50}");
        RequestData.Positional p = (RequestData.Positional) r.data();
        assertThat(p.rows()).isEqualTo(3000);
        assertThat(p.width()).isEqualTo(3);
        assertThat(p.matrix().values()).hasSize(9000);
        assertThat(p.matrix().get(2999, 0)).isEqualTo(2999.0);
        assertThat(p.matrix().get(7, 1)).isEqualTo(3.5);
        assertThat(p.matrix().get(7, 2)).isEqualTo(-1e-3);
        assertThat(r.fields()).containsEntry("model", "m").containsEntry("n_estimators", 50);
    }

    @Test
    void recordsKeepTheirFieldsAndJsonTypes() throws IOException {
        JsonRequest r = read("{\"data\": [{\"a\": 1, \"b\": \"x\", \"c\": true, \"d\": null}, {\"a\": 2.5}], "
                + "\"schema\": {\"a\": \"numeric\"}}");
        List<Map<String, Object>> records = ((RequestData.Records) r.data()).records();
        assertThat(records).hasSize(2);
        assertThat(records.get(0)).containsEntry("a", 1).containsEntry("b", "x").containsEntry("c", true)
                .containsEntry("d", null);
        assertThat(records.get(1)).containsEntry("a", 2.5);
        assertThat(r.object("schema")).containsEntry("a", "numeric");
        assertThat(r.data().table(null).names()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void badDataNamesTheExactPlace() {
        assertThatThrownBy(() -> read("{\"data\": [[1, 2], [3, true]]}")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("must be a number").extracting(e -> ((ApiException) e).param())
                .isEqualTo("data[1][1]");
        assertThatThrownBy(() -> read("{\"data\": [[1, 2], [3]]}"))
                .extracting(e -> ((ApiException) e).param()).isEqualTo("data[1]");
        assertThatThrownBy(() -> read("{\"data\": [{\"a\": 1}, [3]]}"))
                .extracting(e -> ((ApiException) e).param()).isEqualTo("data[1]");
        assertThatThrownBy(() -> read("{\"data\": [1, 2]}"))
                .extracting(e -> ((ApiException) e).param()).isEqualTo("data[0]");
        assertThatThrownBy(() -> read("{\"a\": 1} {\"b\": 2}")).hasMessageContaining("after its JSON object");
        assertThatThrownBy(() -> read("{\"a\": 1,}")).hasMessageStartingWith("malformed JSON: ")
                .hasMessageEndingWith(" (line 1, column 9)");
    }

    @Test
    void theBodyLimitStopsReadingEarly() {
        String body = "{\"data\": [" + "[1, 2, 3],".repeat(1000) + "[1, 2, 3]]}";
        assertThatThrownBy(() -> RequestReader.read(new BoundedInputStream(new ByteArrayInputStream(
                body.getBytes(StandardCharsets.UTF_8)), 1000))).isInstanceOf(PayloadTooLargeException.class);
    }
}
