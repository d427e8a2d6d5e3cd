package io.vigil.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vigil.core.stream.bollinger.EmaBollinger;
import io.vigil.core.stream.cad.ContextualAnomalyDetector;
import io.vigil.core.stream.complexity.PayloadComplexity;
import io.vigil.core.stream.knncad.KnnConformal;
import io.vigil.core.stream.rcf.RandomCutForestStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservationTest {
    private static final Observation PAYLOAD = Observation.payload(JsonNodeFactory.instance.objectNode().put("a", 1));
    private static final Observation POINT = Observation.value(2.5);

    @Test
    void anObservationOfTheOtherKindIsRefusedNamingTheDetector() {
        assertThat(POINT.asNumeric("rcf").values()).containsExactly(2.5);
        assertThat(PAYLOAD.asPayload("complexity").payload().get("a").asInt()).isEqualTo(1);
        assertThatThrownBy(() -> PAYLOAD.asNumeric("rcf"))
                .hasMessage("rcf takes numeric points, not JSON payloads");
        assertThatThrownBy(() -> POINT.asPayload("complexity"))
                .hasMessage("complexity takes JSON payloads, not numeric points");
        assertThat(Observation.requireFinite("cad_ose", -1.5)).isEqualTo(-1.5);
        assertThatThrownBy(() -> Observation.requireFinite("cad_ose", Double.NaN))
                .hasMessage("cad_ose needs finite values, got NaN");
    }

    @Test
    void everyDetectorRefusesTheKindItDoesNotTakeAndNonFiniteValues() {
        List<StreamDetector> numeric = List.of(EmaBollinger.builder().build(),
                ContextualAnomalyDetector.builder().build(), KnnConformal.builder().build(),
                RandomCutForestStream.builder().build());
        for (StreamDetector d : numeric) {
            assertThatThrownBy(() -> d.process(PAYLOAD)).as(d.type())
                    .hasMessage(d.type() + " takes numeric points, not JSON payloads");
            assertThatThrownBy(() -> d.process(Observation.value(Double.POSITIVE_INFINITY))).as(d.type())
                    .hasMessage(d.type() + " needs finite values, got Infinity");
        }
        StreamDetector complexity = PayloadComplexity.builder().build();
        assertThatThrownBy(() -> complexity.process(POINT))
                .hasMessage("complexity takes JSON payloads, not numeric points");
    }
}
