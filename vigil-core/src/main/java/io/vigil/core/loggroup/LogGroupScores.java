package io.vigil.core.loggroup;

import java.util.List;

/**
 * What scoring a stretch of the log gives.
 *
 * @param groups  the complete groups, ordered by their first entry's id
 * @param pending entries at the end of the stretch (of each product, in a per-product model) too few to fill a
 *                group, in id order; hand them in again in front of the next entries
 */
public record LogGroupScores(List<ScoredLogGroup> groups, List<LogEntry> pending) {
    public LogGroupScores {
        groups = List.copyOf(groups);
        pending = List.copyOf(pending);
    }

    public List<ScoredLogGroup> flagged() {
        return groups.stream().filter(ScoredLogGroup::flagged).toList();
    }
}
