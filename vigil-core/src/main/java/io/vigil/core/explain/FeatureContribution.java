package io.vigil.core.explain;

import java.util.Objects;

/**
 * One feature's part in a row's anomaly score.
 *
 * @param feature      the encoded feature's name, as {@link io.vigil.core.encode.SchemaEncoder#featureNames()} gives it
 * @param contribution the feature's share of the row's anomaly, in [0, 1]; a row's shares over all features sum to 1
 * @param value        the row's (encoded) value of the feature
 * @param normalValue  the value that would be normal: the feature's training median
 */
public record FeatureContribution(String feature, double contribution, double value, double normalValue) {
    public FeatureContribution {
        Objects.requireNonNull(feature, "feature");
        if (!(contribution >= 0 && contribution <= 1)) {
            throw new IllegalArgumentException("contribution must be in [0, 1], got " + contribution);
        }
    }
}
