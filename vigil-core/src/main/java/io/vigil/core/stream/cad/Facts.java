package io.vigil.core.stream.cad;

/**
 * Fact codes. A sensor fact says "bit {@code s} of the value's bin is {@code b}" and has code {@code 2 s + b} (below
 * {@link #NEURON_BASE}); a neuron fact says "context {@code c} was active at the last step" and has code
 * {@code NEURON_BASE + c}. Codes sort as the reference's fact numbers do (65536 + 2 s + b for sensors, 2^31 + c for
 * neurons), so sorted fact lists agree element for element.
 */
final class Facts {
    /** Sensor codes stay below this, so a set's sensor facts fit in one long as bits. */
    static final int NEURON_BASE = 64;

    private Facts() {
    }

    static boolean isSensor(int fact) {
        return fact < NEURON_BASE;
    }

    static int sensor(int bit, int value) {
        return 2 * bit + value;
    }

    static int neuron(int context) {
        return NEURON_BASE + context;
    }

    /** The number the reference gives the fact. */
    static long referenceNumber(int fact) {
        return fact < NEURON_BASE ? 65_536L + fact : (1L << 31) + (fact - NEURON_BASE);
    }

    /**
     * The reference's identity of a fact set: CPython 2's 64-bit hash of the tuple of its fact numbers (an int
     * hashes to itself). Semi-contexts are found by it and then compared fact by fact, so that two sets sharing a
     * hash stay apart; it also orders equally used active contexts, which decides the neurons the reference keeps.
     */
    static long hash(int[] facts, int from, int length) {
        long x = 0x345678L;
        long mult = 1_000_003L;
        for (int i = 0; i < length; i++) {
            long y = referenceNumber(facts[from + i]);
            x = (x ^ y) * mult;
            mult += 82_520L + 2L * (length - 1 - i);
        }
        x += 97_531L;
        return x == -1 ? -2 : x;
    }
}
