package io.vigil.core.stream.cad;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FactsTest {

    /** Expected values printed by CPython 2.7.18, whose tuple hash the reference keys its semi-contexts by. */
    @Test
    void hashesAFactListAsCPython2HashesTheTupleOfItsNumbers() {
        assertThat(Facts.hash(new int[0], 0, 0)).isEqualTo(3_527_539L);
        int[] facts = {0, 3, 5, Facts.neuron(7)};
        // hash((65536, 65539, 65541, 2**31 + 7))
        assertThat(Facts.hash(facts, 0, facts.length)).isEqualTo(-541_443_081_759_509_822L);
        int[] shifted = {9, 0, 3, 5, Facts.neuron(7)};
        assertThat(Facts.hash(shifted, 1, 4)).isEqualTo(-541_443_081_759_509_822L);
    }

    @Test
    void codesSortAsTheReferenceNumbersDo() {
        assertThat(Facts.referenceNumber(Facts.sensor(2, 1))).isEqualTo(65_536L + 5);
        assertThat(Facts.referenceNumber(Facts.neuron(0))).isEqualTo(1L << 31);
        assertThat(Facts.sensor(7, 1)).isLessThan(Facts.neuron(0));
        assertThat(Facts.isSensor(Facts.sensor(7, 1))).isTrue();
        assertThat(Facts.isSensor(Facts.neuron(0))).isFalse();
    }
}
