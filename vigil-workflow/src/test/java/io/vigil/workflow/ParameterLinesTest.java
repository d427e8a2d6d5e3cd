package io.vigil.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterLinesTest {
    @Test
    void linesBecomeTypedValues() {
        Map<String, Object> p = ParameterLines.parse("trees = 200\n\n# a comment\r\nsample_size=0.5\nbootstrap=TRUE\n"
                + "method = largest\n");
        assertThat(p).containsExactly(Map.entry("trees", 200L), Map.entry("sample_size", 0.5),
                Map.entry("bootstrap", true), Map.entry("method", "largest"));
        assertThat(ParameterLines.parse(null)).isEmpty();
        assertThat(ParameterLines.value("-3")).isEqualTo(-3L);
        assertThat(ParameterLines.value("1e-3")).isEqualTo(0.001);
    }

    @Test
    void aBadLineIsNamed() {
        assertThatThrownBy(() -> ParameterLines.parse("trees=1\nk 5")).isInstanceOfSatisfying(
                InvalidWorkflowRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("parameters");
                    assertThat(e.getMessage()).contains("line 2").contains("'k 5'");
                });
        assertThatThrownBy(() -> ParameterLines.parse("k=1\nk=2")).hasMessageContaining("a second time");
        assertThatThrownBy(() -> ParameterLines.parse("=2")).hasMessageContaining("line 1");
    }
}
