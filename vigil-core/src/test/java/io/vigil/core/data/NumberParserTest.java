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
    void agreesWithJavaOnRandomDigitStringsOfUpTo19Digits() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            int digits = 1 + r.nextInt(19);
            StringBuilder sb = new StringBuilder();
            if (r.nextBoolean()) {
                sb.append('-');
            }
            sb.append(1 + r.nextInt(9));
            for (int k = 1; k < digits; k++) {
                sb.append(r.nextInt(10));
            }
            int point = r.nextInt(digits + 1);
            if (point < digits) {
                sb.insert(sb.length() - digits + point + (point == 0 ? 0 : 0), '.');
            }
            sb.append('e').append(r.nextInt(700) - 350);
            String s = sb.toString();
            assertThat(parse(s)).as(s).isEqualTo(Double.parseDouble(s));
        }
    }

    @Test
    void roundsHalfwayCasesToEven() {
        // 2^53 + 1 lies halfway between two doubles; 9007199254740993 must round down to 2^53 (even).
        assertThat(parse("9007199254740993")).isEqualTo(9007199254740992.0);
        assertThat(parse("9007199254740995")).isEqualTo(9007199254740996.0);
        assertThat(parse("2.2250738585072014e-308")).isEqualTo(Double.MIN_NORMAL);
        assertThat(parse("4.9e-324")).isEqualTo(Double.MIN_VALUE);
        assertThat(parse("1.7976931348623157e308")).isEqualTo(Double.MAX_VALUE);
        assertThat(parse("1e309")).isEqualTo(Double.POSITIVE_INFINITY);
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
