package io.vigil.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DoubleTextTest {

    private static String text(double v) {
        StringBuilder sb = new StringBuilder();
        DoubleText.append(sb, v);
        return sb.toString();
    }

    @Test
    void writesShortDecimalsInPlainNotation() {
        assertThat(text(0.5)).isEqualTo("0.5");
        assertThat(text(0.1)).isEqualTo("0.1");
        assertThat(text(1.0)).isEqualTo("1.0");
        assertThat(text(100.0)).isEqualTo("100.0");
        assertThat(text(-2.25)).isEqualTo("-2.25");
        assertThat(text(0.00012)).isEqualTo("0.00012");
        assertThat(text(1e-5)).isEqualTo("0.00001");
        assertThat(text(123.456)).isEqualTo("123.456");
        assertThat(text(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    }

    @Test
    void leavesOtherMagnitudesToDoubleToString() {
        assertThat(text(0.0)).isEqualTo("0.0");
        assertThat(text(1e-7)).isEqualTo("1.0E-7");
        assertThat(text(1e20)).isEqualTo("1.0E20");
        assertThat(text(Double.NaN)).isEqualTo("NaN");
        assertThat(text(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    @Test
    void everyValueParsesBackExactlyAndIsNoLongerThanJavasText() {
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> random.nextDouble();
                case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-5, 15));
                case 2 -> Math.round(random.nextDouble() * 1e6) / 1e3;
                default -> Double.longBitsToDouble(random.nextLong(0x3EE4F8B588E368F1L, 0x430C6BF526340000L));
            };
            String ours = text(v);
            assertThat(Double.parseDouble(ours)).as("%s from %s", ours, v).isEqualTo(v);
            assertThat(significantDigits(ours)).as("%s vs %s", ours, Double.toString(v))
                    .isLessThanOrEqualTo(significantDigits(Double.toString(v)));
        }
    }

    @Test
    void valuesNextToPowersOfTenKeepTheirDigits() {
        for (int e = -5; e < 15; e++) {
            double p = Math.pow(10, e);
            for (double v : new double[] {p, Math.nextDown(p), Math.nextUp(p)}) {
                if (v >= 1e-5 && v < 1e15) {
                    assertThat(Double.parseDouble(text(v))).isEqualTo(v);
                }
            }
        }
    }

    private static int significantDigits(String s) {
        return new BigDecimal(s).stripTrailingZeros().precision();
    }
}
