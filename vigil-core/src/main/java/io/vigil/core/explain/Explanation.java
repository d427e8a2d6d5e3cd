package io.vigil.core.explain;

import java.util.List;

/**
 * Why one row scored as it did: its largest feature contributions, largest first (ties in feature order).
 *
 * @param top at most k contributions, sorted by contribution, descending
 */
public record Explanation(List<FeatureContribution> top) {
    public Explanation {
        top = List.copyOf(top);
        for (int i = 1; i < top.size(); i++) {
            if (top.get(i).contribution() > top.get(i - 1).contribution()) {
                throw new IllegalArgumentException("contributions must be sorted in descending order");
            }
        }
    }
}
