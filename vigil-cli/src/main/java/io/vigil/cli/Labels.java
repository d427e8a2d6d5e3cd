package io.vigil.cli;

import io.vigil.core.data.Column;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a yes/no column: numbers (non-zero = yes) or true/false, yes/no, anomaly/normal, outlier/inlier. */
final class Labels {
    private Labels() {
    }

    /** {@code option} and {@code file} name where the column came from in error messages. */
    static boolean[] parse(Column column, String option, Path file) {
        boolean[] out = new boolean[column.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = column.get(i);
            if (v instanceof Double d) {
                if (d.isNaN()) {
                    throw new UserInputException(option + " " + file + ": data row " + (i + 1) + ": column '"
                            + column.name() + "' is empty; every row needs a value (1 = anomaly, 0 = normal)");
                }
                out[i] = d != 0;
                continue;
            }
            String s = v == null ? "" : v.toString().trim().toLowerCase(Locale.ROOT);
            switch (s) {
                case "true", "yes", "anomaly", "outlier", "1" -> out[i] = true;
                case "false", "no", "normal", "inlier", "0" -> out[i] = false;
                default -> throw new UserInputException(option + " " + file + ": data row " + (i + 1) + ": column '"
                        + column.name() + "' has '" + s + "'; use 1/0, true/false or anomaly/normal");
            }
        }
        return out;
    }
}
