package io.vigil.monitor.definition;

import io.vigil.monitor.InvalidMonitorException;

/** Shared checks for operator + threshold(s): between needs an upper threshold above the lower one. */
final class Threshold {
    private Threshold() {
    }

    static void check(Comparison operator, Double threshold, Double upperThreshold) {
        FieldRules.required(operator, "operator");
        FieldRules.finite(threshold, "threshold");
        if (operator == Comparison.BETWEEN) {
            FieldRules.finite(upperThreshold, "upper_threshold");
            if (upperThreshold <= threshold) {
                throw new InvalidMonitorException("upper_threshold", "upper_threshold must be greater than threshold");
            }
        } else if (upperThreshold != null) {
            throw new InvalidMonitorException("upper_threshold", "upper_threshold is only used with operator between");
        }
    }
}
