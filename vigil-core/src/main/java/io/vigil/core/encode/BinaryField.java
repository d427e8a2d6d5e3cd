package io.vigil.core.encode;

import io.vigil.core.data.Column;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Yes/no values as 1/0, with unknown and missing values halfway at 0.5. Learns nothing from training. */
record BinaryField(String name) implements FieldEncoder {
    static final double UNKNOWN = 0.5;

    /** 1, 0, or {@link #UNKNOWN} for one value. */
    static double truth(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (v instanceof Number n) {
            return truth(n.doubleValue());
        }
        if (v instanceof String s) {
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1", "on", "t" -> 1.0;
                case "false", "no", "n", "0", "off", "f" -> 0.0;
                default -> UNKNOWN;
            };
        }
        return UNKNOWN;
    }

    static double truth(double d) {
        return d != d ? UNKNOWN : d != 0.0 ? 1.0 : 0.0;
    }

    @Override
    public FieldType type() {
        return FieldType.BINARY;
    }

    @Override
    public int width() {
        return 1;
    }

    @Override
    public List<String> featureNames() {
        return List.of(name);
    }

    @Override
    public void encode(Column column, int rows, double[] out, int stride, int offset) {
        if (column == null) {
            for (int i = 0, p = offset; i < rows; i++, p += stride) {
                out[p] = UNKNOWN;
            }
        } else if (column instanceof Column.Numeric n) {
            double[] src = n.values();
            for (int i = 0, p = offset; i < rows; i++, p += stride) {
                out[p] = truth(src[i]);
            }
        } else {
            Object[] src = ((Column.Values) column).values();
            for (int i = 0, p = offset; i < rows; i++, p += stride) {
                out[p] = truth(src[i]);
            }
        }
    }

    @Override
    public Map<String, Object> state() {
        return Map.of();
    }
}
