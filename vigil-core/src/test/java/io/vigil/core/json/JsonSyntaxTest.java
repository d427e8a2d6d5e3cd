package io.vigil.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonSyntaxTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonProcessingException error(String body) {
        return catchThrowableOfType(JsonProcessingException.class, () -> JSON.readTree(body));
    }

    @Test
    void anUnclosedObjectSaysWhereItOpenedWithoutJacksonsSourceDescription() {
        JsonProcessingException e = error("[1,\n {\"a\": 2");
        assertThat(e.getOriginalMessage()).contains("REDACTED");
        assertThat(JsonSyntax.message(e))
                .isEqualTo("Unexpected end-of-input: expected close marker for Object (opened at line 2, column 2)");
        assertThat(JsonSyntax.messageWithLocation(e)).doesNotContain("Source").doesNotContain("REDACTED")
                .endsWith("(opened at line 2, column 2) (line 2, column 9)");
    }

    @Test
    void aBadTokenKeepsJacksonsWordsAndGainsTheLocation() {
        JsonProcessingException e = error("{\"a\": nope}");
        assertThat(JsonSyntax.messageWithLocation(e)).startsWith("Unrecognized token 'nope'")
                .endsWith("(line 1, column 11)").doesNotContain("Source");
    }
}
