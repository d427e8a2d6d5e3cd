package io.vigil.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumberParserTest {

    static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return NumberParser.parse(b, 0, b.length);
    }

    @Test
    void agreesWithJavaOnRandomDoubles() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> r.nextDouble();
                case 1 -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20);
                case 2 -> r.nextInt(1_000_000) / 1000.0;
                default -> Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL);
            };
            String s = Double.toString(v);
            assertThat(parse(s)).as(s).isEqualTo(Double.parseDouble(s));
        }
    }

    @Test
    void parsesCommonForms() {
        assertThat(parse("0")).isEqualTo(0.0);
        assertThat(parse(" 12 ")).isEqualTo(12.0);
        assertThat(parse("-0.5")).isEqualTo(-0.5);
        assertThat(parse("+3.25E2")).isEqualTo(325.0);
        assertThat(parse(".5")).isEqualTo(0.5);
        assertThat(parse("5.")).isEqualTo(5.0);
        assertThat(parse("0.1")).isEqualTo(0.1);
        assertThat(parse("2.302585092994046")).isEqualTo(2.302585092994046);
        assertThat(parse("123456789012345678901234567890")).isEqualTo(1.2345678901234568E29);
        assertThat(parse("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void missingFormsGiveNaNAndTextFails() {
        assertThat(parse("")).isNaN();
        assertThat(parse("NA")).isNaN();
        assertThat(parse("NaN")).isNaN();
        assertThat(NumberParser.isFailure(parse("abc"))).isTrue();
        assertThat(NumberParser.isFailure(parse("1.2.3"))).isTrue();
        assertThat(NumberParser.isFailure(parse("1e"))).isTrue();
        assertThat(NumberParser.isFailure(parse("0x10"))).isTrue();
        assertThat(NumberParser.isFailure(parse("1d"))).isTrue();
        assertThat(NumberParser.isFailure(parse("-"))).isTrue();
    }
}
