package io.vigil.core.stream.complexity;

/**
 * Running mean and population standard deviation by Welford's update, in single precision like the reference
 * gateway, so that z-scores agree with it to about 1e-3.
 */
final class RunningStats {
    private long count;
    private float mean;
    private float squares;

    RunningStats() {
    }

    RunningStats(long count, float mean, float squares) {
        this.count = count;
        this.mean = mean;
        this.squares = squares;
    }

    /** |x - mean| / sd over the values added so far; 0 while sd is 0 (no values, or all equal). */
    float deviations(float x) {
        float sd = standardDeviation();
        return sd == 0f ? 0f : Math.abs(x - mean) / sd;
    }

    void add(float x) {
        count++;
        float delta = x - mean;
        mean += delta / count;
        squares += delta * (x - mean);
    }

    float standardDeviation() {
        return count == 0 ? 0f : (float) Math.sqrt(squares / count);
    }

    long count() {
        return count;
    }

    float mean() {
        return mean;
    }

    float squares() {
        return squares;
    }
}
