package io.vigil.core.loggroup;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which request states count as successful. A state is the outcome code a licence server logs for a request; Vigil
 * reads it as an HTTP-like status. {@link #standard()} treats 200 to 299 as success and everything else (400
 * invalid key, 401 unknown key, 403 blocked key, 409 machine limit reached, 410 key expired, 429 rate limited,
 * 5xx server errors, ...) as failure. Servers with their own codes give their success codes instead.
 *
 * @param successStates the states that mean the request succeeded; sorted, never empty
 */
public record StateMapping(int[] successStates) {
    private static final StateMapping STANDARD = range(200, 299);

    public StateMapping {
        if (successStates == null || successStates.length == 0) {
            throw new IllegalArgumentException("a state mapping needs at least one success state");
        }
        successStates = Arrays.stream(successStates).distinct().sorted().toArray();
    }

    /** 200 to 299 are successes, every other state a failure. */
    public static StateMapping standard() {
        return STANDARD;
    }

    public static StateMapping range(int fromInclusive, int toInclusive) {
        if (toInclusive < fromInclusive) {
            throw new IllegalArgumentException("empty success range " + fromInclusive + ".." + toInclusive);
        }
        int[] states = new int[toInclusive - fromInclusive + 1];
        for (int i = 0; i < states.length; i++) {
            states[i] = fromInclusive + i;
        }
        return new StateMapping(states);
    }

    public static StateMapping of(Collection<Integer> successStates) {
        return new StateMapping(successStates.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public int[] successStates() {
        return successStates.clone();
    }

    public boolean successful(int state) {
        return Arrays.binarySearch(successStates, state) >= 0;
    }

    /** JSON form: {@code {"success_states": [200, 201, ...]}}. */
    public Map<String, Object> toJson() {
        return Map.of("success_states", Arrays.stream(successStates).boxed().toList());
    }

    public static StateMapping fromJson(Map<String, ?> json) {
        Object states = json.get("success_states");
        if (!(states instanceof List<?> list)) {
            throw new IllegalArgumentException("success_states must be a list of state codes");
        }
        Set<Integer> codes = new TreeSet<>();
        for (Object o : list) {
            if (!(o instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new IllegalArgumentException("success_states must hold integer state codes, got " + o);
            }
            codes.add(n.intValue());
        }
        return of(codes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateMapping m && Arrays.equals(successStates, m.successStates);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(successStates);
    }

    @Override
    public String toString() {
        return "StateMapping" + Arrays.toString(successStates);
    }
}
