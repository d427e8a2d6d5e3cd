package io.vigil.core.stream;

/**
 * Quiet period after an alert: once an observation is flagged, the next {@code length} observations are not, so a
 * single incident raises one alert rather than one per point it spans (NAB, for one, rewards the first detection in
 * a window and charges every false one). Scores are untouched; only the flag is held back.
 */
public final class AlertCooldown {
    private static final long NEVER = Long.MIN_VALUE / 2;
    private final int length;
    private long lastAlert;

    public AlertCooldown(int length) {
        this(length, NEVER);
    }

    public AlertCooldown(int length, long lastAlert) {
        if (length < 0) {
            throw new IllegalArgumentException("cooldown must be at least 0");
        }
        this.length = length;
        this.lastAlert = lastAlert;
    }

    /** Whether observation number {@code index} (counting from 1) raises an alert, given the detector's flag. */
    public boolean admit(boolean flagged, long index) {
        if (!flagged || index - lastAlert <= length) {
            return false;
        }
        lastAlert = index;
        return true;
    }

    /** The index of the last alert, for snapshots; a very negative number when there has been none. */
    public long lastAlert() {
        return lastAlert;
    }
}
