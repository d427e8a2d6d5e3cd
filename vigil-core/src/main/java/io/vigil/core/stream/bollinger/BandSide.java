package io.vigil.core.stream.bollinger;

import io.vigil.core.detect.InvalidParameterException;
import java.util.Locale;

/** Which side of the Bollinger band counts as anomalous. */
public enum BandSide {
    ABOVE, BELOW, OUTSIDE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BandSide parse(String text) {
        for (BandSide s : values()) {
            if (s.label().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new InvalidParameterException("side", "side must be above, below or outside, got '" + text + "'");
    }
}
