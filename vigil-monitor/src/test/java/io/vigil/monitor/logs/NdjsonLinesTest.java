package io.vigil.monitor.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vigil.core.loggroup.StateMapping;
import io.vigil.monitor.traffic.RejectedRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonLinesTest {
    private static final String GOOD = "{\"time\":\"2026-03-02T09:00:00Z\",\"state\":200}";

    private static ParsedLogs parse(String body) {
        return LogJson.parse(body.getBytes(StandardCharsets.UTF_8), StateMapping.standard());
    }

    @Test
    void linesAroundBrokenOnesAreReadAsIfEachWereAlone() {
        ParsedLogs parsed = parse("\n" + GOOD + "\n\n"
                + "{\"time\":\"2026-03-02T09:00:00Z\",\n\"state\":200}\n"
                + GOOD + " {}\n"
                + "7\n"
                + "  " + GOOD + "\t\r\n"
                + "{\"time\":\"2026-03-02T09:00:00Z\",\"state\":\"x\"}\n"
                + GOOD);
        assertThat(parsed.positions()).containsExactly(0, 5, 7);
        assertThat(parsed.errors()).extracting(RejectedRecord::index, RejectedRecord::field, RejectedRecord::message)
                .containsExactly(
                        tuple(1, "body", "line is not valid JSON: Unexpected end-of-input within/between Object "
                                + "entries"),
                        tuple(2, "body", "line is not valid JSON: Unexpected character (':' (code 58)): expected "
                                + "a valid value (JSON String, Number, Array, Object or token 'null', 'true' or "
                                + "'false')"),
                        tuple(3, "body", "line is not valid JSON: a line must hold one JSON object"),
                        tuple(4, "entry", "each entry must be a JSON object"),
                        tuple(6, "state", "state must be an integer outcome code such as 200 or 401"));
    }

    /** A lone \r is not a line break: before, it was one only when no other line of the body was broken. */
    @Test
    void loneCarriageReturnIsNotALineBreakWhetherOrNotAnotherLineIsBroken() {
        for (String rest : new String[] {"", "not json\n"}) {
            ParsedLogs parsed = parse(GOOD + "\r" + GOOD + "\n" + GOOD + "\n" + rest);
            assertThat(parsed.positions()).containsExactly(1);
            assertThat(parsed.errors()).first().extracting(RejectedRecord::index, RejectedRecord::message)
                    .containsExactly(0, "line is not valid JSON: a line must hold one JSON object");
        }
    }

    @Test
    void byteOrderMarkIsSkippedAtTheStartOnly() {
        String bom = "\ufeff";
        assertThat(parse(bom + GOOD + "\n" + GOOD + "\n").positions()).containsExactly(0, 1);
        assertThat(parse(bom + " \n\n")).isEqualTo(new ParsedLogs(List.of(), List.of(), List.of()));
        ParsedLogs markAlone = parse(bom + "\n" + GOOD + "\n" + GOOD + "\n");
        assertThat(markAlone.positions()).containsExactly(1, 2);
        assertThat(markAlone.errors()).extracting(RejectedRecord::index).containsExactly(0);
    }

    @Test
    void oneObjectIsStillReadAsOneValueNotAsALine() {
        // A body of one value is read as a tree, which writes 1.50 as 1.5; an NDJSON line keeps the text.
        String one = "{\"time\":\"2026-03-02T09:00:00Z\",\"state\":200,\"key\":1.50}";
        assertThat(parse(one + "\n").entries().get(0).key()).isEqualTo("1.5");
        assertThat(parse(one + "\n" + one + "\n").entries()).extracting(e -> e.key()).containsExactly("1.50", "1.50");
        assertThat(parse("{\"entries\": [\n" + GOOD + ",\n" + GOOD + "\n]}").positions()).containsExactly(0, 1);
        assertThat(LogJson.severalValues("{\"a\":\"}{\\\"\"} \n{}".getBytes(StandardCharsets.UTF_8), 0)).isTrue();
        assertThat(LogJson.severalValues("{\"a\":\"}\"}\n \r\n".getBytes(StandardCharsets.UTF_8), 0)).isFalse();
        assertThat(LogJson.severalValues("{\"a\":\n1}\n{}".getBytes(StandardCharsets.UTF_8), 0)).isFalse();
    }
}
