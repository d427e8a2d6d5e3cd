package io.vigil.monitor.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The streaming parser: a bad record never loses its neighbours, whatever shape its badness has. */
class TrafficJsonTest {
    static final String GOOD = "{\"timestamp\":\"2026-03-01T12:00:00Z\",\"environment\":\"prod\",\"api\":\"a\","
            + "\"method\":\"GET\",\"endpoint\":\"/x\",\"status_code\":200,\"result\":\"success\","
            + "\"response_time_ms\":5}";

    static ParsedTraffic parse(String body) {
        return TrafficJson.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nestedBadValuesAreSkippedWholeAndTheNextRecordStillParses() {
        ParsedTraffic p = parse("[" + GOOD.replace("}", ",\"attributes\":{\"a\":{\"deep\":[1,{\"x\":2}]},\"b\":\"ok\"}}")
                + "," + GOOD.replace("\"api\":\"a\"", "\"api\":[\"a\",{\"b\":1}]")
                + "," + GOOD.replace("\"result\":\"success\"", "\"result\":7,\"colour\":\"red\"")
                + "," + GOOD + "]");
        assertThat(p.errors()).extracting(RejectedRecord::index, RejectedRecord::field).containsExactly(
                Tuple.tuple(0, "attributes.a"), Tuple.tuple(1, "api"), Tuple.tuple(2, "colour"));
        assertThat(p.errors().get(2).message()).startsWith("unknown field colour; allowed fields are api, attributes");
        assertThat(p.records()).hasSize(1);
        assertThat(p.positions()).containsExactly(3);
    }

    @Test
    void readsEveryFieldAndKeepsAttributesInOrderWithTheLastDuplicateWinning() {
        ParsedTraffic p = parse("{\"timestamp\":1772366400000,\"environment\":\"prod\",\"api\":\"a\",\"method\":\"get\","
                + "\"endpoint\":\"/x\",\"status_code\":503,\"result\":\"failed\",\"response_time_ms\":12.25,"
                + "\"request_bytes\":10,\"response_bytes\":6000000000,\"client_ip\":\"10.0.0.1\",\"user_agent\":"
                + "\"curl/8\",\"attributes\":{\"tenant\":\"acme\",\"tier\":2,\"vip\":true,\"tenant\":\"globex\"}}");
        assertThat(p.errors()).isEmpty();
        TrafficRecord r = p.records().get(0);
        assertThat(r).isEqualTo(new TrafficRecord(Instant.parse("2026-03-01T12:00:00Z"), "prod", "a", "get", "/x", 503,
                TrafficResult.FAILED, 12.25, 10L, 6_000_000_000L, "10.0.0.1", "curl/8",
                Map.of("tenant", "globex", "tier", "2", "vip", "true")));
        assertThat(List.copyOf(r.attributes().keySet())).containsExactly("tenant", "tier", "vip");
        assertThat(AttributesJson.write(r.attributes())).isEqualTo("{\"tenant\":\"globex\",\"tier\":\"2\",\"vip\":\"true\"}");
    }

    @Test
    void wrongTypesNameTheirField() {
        ParsedTraffic p = parse(String.join("\n",
                GOOD.replace("\"status_code\":200", "\"status_code\":3000000000"),
                GOOD.replace("\"response_time_ms\":5", "\"response_time_ms\":\"5\""),
                GOOD.replace("\"timestamp\":\"2026-03-01T12:00:00Z\"", "\"timestamp\":\"2026-02-30T12:00:00Z\""),
                GOOD.replace("\"timestamp\":\"2026-03-01T12:00:00Z\"", "\"timestamp\":true"),
                GOOD.replace("}", ",\"attributes\":[1]}"),
                GOOD.replace("}", ",\"request_bytes\":1.5}"),
                "42",
                GOOD + " " + GOOD,
                GOOD));
        assertThat(p.errors()).extracting(RejectedRecord::index, RejectedRecord::field).containsExactly(
                Tuple.tuple(0, "status_code"), Tuple.tuple(1, "response_time_ms"), Tuple.tuple(2, "timestamp"),
                Tuple.tuple(3, "timestamp"), Tuple.tuple(4, "attributes"), Tuple.tuple(5, "request_bytes"),
                Tuple.tuple(6, "record"), Tuple.tuple(7, "body"));
        assertThat(p.positions()).containsExactly(8);
    }

    @Test
    void aWrapperWithOtherFieldsIsOneRecordWithAnUnknownField() {
        ParsedTraffic p = parse("{\"records\":[" + GOOD + "],\"api\":\"a\"}");
        assertThat(p.records()).isEmpty();
        assertThat(p.errors()).extracting(RejectedRecord::index, RejectedRecord::field)
                .containsExactly(Tuple.tuple(0, "records"));
        assertThat(parse("{\"records\":[" + GOOD + "," + GOOD + "]}").records()).hasSize(2);
        assertThat(parse(GOOD).records()).hasSize(1);
        assertThat(parse("").records()).isEmpty();
        assertThat(parse("\"text\"").errors()).extracting(RejectedRecord::field).containsExactly("body");
    }

    @Test
    void brokenJsonInAnArrayFallsBackToLinesAndKeepsTheGoodLines() {
        ParsedTraffic p = parse("[\n" + GOOD + ",\n{\"api\": oops}\n]");
        assertThat(p.records()).isEmpty();
        assertThat(p.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.field()).isEqualTo("body"));
        ParsedTraffic lines = parse(GOOD + "\r\n\r\n{\"api\": oops}\n" + GOOD + "\n");
        assertThat(lines.positions()).containsExactly(0, 2);
        assertThat(lines.errors()).extracting(RejectedRecord::index).containsExactly(1);
    }

    @Test
    void anUnclosedRecordIsReportedWithoutJacksonsSourceDescription() {
        ParsedTraffic p = parse(GOOD + "\n{\"api\": \"a\"\n");
        assertThat(p.errors()).extracting(RejectedRecord::index, RejectedRecord::message).containsExactly(
                tuple(1, "line is not valid JSON: Unexpected end-of-input: expected close marker for Object (opened "
                        + "at line 1, column 1)"));
    }

    @Test
    void isoInstantsMatchJavaTime() {
        for (String s : List.of("2026-03-01T12:00:00Z", "2026-03-01T12:00:00.5Z", "2026-03-01T12:00:00.123456789Z",
                "1969-12-31T23:59:59.999Z", "2024-02-29T00:00:00Z", "2026-03-01T12:00:00+02:00",
                "2026-12-31T23:59:60Z", "2026-03-01T24:00:00Z", "2026-03-01T12:00:00.Z")) {
            assertThat(IsoInstant.parse(s)).as(s).isEqualTo(Instant.parse(s));
        }
        for (String s : List.of("2026-02-30T12:00:00Z", "2026-03-01 12:00:00Z", "2026-03-01T12:00:00.1234567890Z",
                "2026-3-01T12:00:00Z")) {
            assertThatThrownBy(() -> IsoInstant.parse(s)).as(s).isInstanceOf(DateTimeParseException.class);
        }
    }
}
