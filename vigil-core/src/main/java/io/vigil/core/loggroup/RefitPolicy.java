package io.vigil.core.loggroup;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides when a log-group model is due for a refit on recent history: traffic drifts (new customers, new
 * products, new markets, more traffic), and a model fitted on older traffic misjudges the new normal.
 * The scheduler that owns the store asks {@link #due} after each scoring run and, when it answers yes, calls
 * {@link LogGroupModel#refit} with the recent log.
 */
@FunctionalInterface
public interface RefitPolicy {

    /**
     * What the scheduler knows about a model's use since it was fitted.
     *
     * @param fittedAt         when the model was fitted
     * @param now              the current time
     * @param entriesSinceFit  entries scored since the fit
     * @param groupsSinceFit   groups scored since the fit
     * @param flaggedSinceFit  of those, how many were flagged
     */
    record Usage(Instant fittedAt, Instant now, long entriesSinceFit, long groupsSinceFit, long flaggedSinceFit) {
        public double flaggedShare() {
            return groupsSinceFit == 0 ? 0.0 : (double) flaggedSinceFit / groupsSinceFit;
        }
    }

    boolean due(LogGroupModel model, Usage usage);

    /** Never refits: the operator refits by hand. */
    static RefitPolicy never() {
        return (model, usage) -> false;
    }

    /**
     * Refits when the model is older than {@code maxAge}, or has scored {@code maxEntries} entries since its fit,
     * whichever comes first.
     */
    static RefitPolicy every(Duration maxAge, long maxEntries) {
        if (maxAge.isNegative() || maxAge.isZero() || maxEntries < 1) {
            throw new IllegalArgumentException("a refit policy needs a positive age and entry count");
        }
        return (model, usage) -> !usage.now().isBefore(usage.fittedAt().plus(maxAge))
                || usage.entriesSinceFit() >= maxEntries;
    }

    /**
     * Also refits when far more groups are flagged than the model expects (over {@code factor} times its
     * contamination, after at least 100 groups): the traffic has changed so much that the model calls normal
     * traffic anomalous.
     */
    default RefitPolicy orWhenFlaggingExceeds(double factor) {
        return (model, usage) -> due(model, usage) || usage.groupsSinceFit() >= 100
                && usage.flaggedShare() > factor * model.anomalyModel().contamination();
    }

    /**
     * Weekly, or after as many entries as the model was trained on. New customers do not force earlier refits as
     * long as the scheduler passes a {@link SeenIdentifiers} to every scoring call; drift in everything else
     * (volume, failure rates, hours) is slow.
     */
    static RefitPolicy standard(LogGroupModel model) {
        return every(Duration.ofDays(7), Math.max(1, model.trainingEntries()));
    }
}
