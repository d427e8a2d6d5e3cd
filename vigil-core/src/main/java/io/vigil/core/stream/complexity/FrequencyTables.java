package io.vigil.core.stream.complexity;

import java.util.Arrays;

/**
 * The adaptive cumulative frequency tables of the context nodes, one slab for all of them, and their adaptation
 * (F. Giesen, "Models for adaptive arithmetic coding", 2015).
 *
 * <p>A table has 257 entries with total 8192 (13-bit fixed point), uniform when reset ({@code cdf[i] = 32 i}).
 * Adapting to a symbol s moves every entry 1/32 of the way toward the table that gives s all the mass the other 255
 * symbols do not need ({@code target[j] = j} for j at most s, {@code j + 7936} above).
 *
 * <p>Each entry is stored as {@code u[j] = cdf[j] - j + 31}, in [31, 7967]. With e = cdf[j] - j the targets become
 * the constants 0 (j at most s) and 7936 (above), and the exact update {@code e += (t - e) >> 5} equals
 * {@code e - ceil(e / 32)} or {@code e + 248 - ceil(e / 32)}; with u = e + 31, {@code ceil(e / 32) = u >> 5}, so
 * the update is {@code u -= u >> 5}, plus 248 above s. Four 16-bit entries are packed in a {@code long} (entry j in
 * lane {@code j & 3} of word {@code j >> 2}) and updated together, SIMD within a register: {@code (w >>> 5) &
 * 0x07FF..} shifts every lane at once (the mask drops the bits shifted in from the next lane), and the subtraction
 * and the addition of 248 never carry across lanes because every lane stays within [31, 7967]. This is three times
 * faster than a loop over shorts, which C2 does not vectorise because of the right shift of a sub-word type.
 *
 * <p>Both maps have fixed points that entries reach in finitely many steps and then keep: {@code u - (u >> 5)}
 * leaves 31 alone (the floor, cdf[j] = j: every symbol below j at its least frequency, 1) and
 * {@code u - (u >> 5) + 248} leaves every u in [7936, 7967] alone ({@code u >> 5} is 248 there: the top band). So
 * each table keeps a word range: its first {@code low} words are all floor and its words from {@code high} to 63 all
 * top band. For a symbol s, the words wholly at most s that are all floor and the words wholly above s that are all
 * top band would be updated to themselves, so adaptation skips them and updates only words {@code min(low, s/4)} to
 * {@code max(high, s/4 + 1) - 1} (the word holding s always, since its lanes take different maps). On JSON a context
 * sees a limited alphabet, its table settles to floor below it and to top band above it, and most words are skipped:
 * about 17 of 64 a node are updated on API-like payloads. Entry 0 (always 31) sits in lane 0 of word 0, a lane that
 * only ever takes the floor map (no symbol is below 0); entry 256 (always 7967) sits in word 64, which adaptation
 * never writes.
 *
 * <p>After an update the range widens by at most one word at each end, checked on the two edge words without a
 * loop: a word left inside the range only costs an update to itself, ranges move slowly (on API-like payloads the
 * mean range is the same to a tenth of a word as with a scan to the first unsettled word), and the scanning loops
 * measured slower. The range is derived from the entries, never stored in snapshots;
 * {@link #reset} and {@link #load} compute it.
 *
 * <p>The decay and the addition of 248 stay split at the word holding s into loops with constant operands over one
 * array, which C2 vectorises; a single loop that loads its addend from a table is not vectorised (C2 cannot rule out
 * that the two {@code long[]} arrays alias) and measured slower.
 *
 * <p>Layout: {@value #WORDS} words a node (544 bytes, 257 lanes rounded up to a multiple of 4 words); word 64 holds
 * entry 256 and is never written by adaptation.
 */
final class FrequencyTables {
    static final int SYMBOLS = 256;
    static final int STRIDE = SYMBOLS + 1;
    static final int TOTAL = 8192;
    private static final int RATE = 5;
    /** Mass beyond the least frequency, 1, of each symbol: what adaptation moves around. */
    static final int SPARE = TOTAL - SYMBOLS;
    /** u = cdf - j + BIAS, so that ceil(e / 32) is u >> 5. */
    private static final int BIAS = (1 << RATE) - 1;
    private static final int STEP_ABOVE = SPARE >> RATE;
    static final int WORDS = 68;
    /** Words that adaptation may write: entries 0 to 255. */
    private static final int ADAPTED = SYMBOLS / 4;
    private static final long LANE_MASK = 0xFFFFL;
    private static final long SHIFTED_MASK = 0x07FF_07FF_07FF_07FFL;
    private static final long LANES = 0x0001_0001_0001_0001L;
    private static final long FLOOR_WORD = BIAS * LANES;
    /** Lanes stay below 8192, so a lane is at least 7936 = 0x1F00 exactly when bits 8 to 12 are all set. */
    private static final long BAND_BITS = 0x1F00 * LANES;
    /** Addend of the words above s. */
    private static final long ABOVE = STEP_ABOVE * LANES;
    /** Addend of the word holding entry s, by s & 3: 248 in the lanes above s. */
    private static final long[] BOUNDARY = new long[4];

    static {
        for (int k = 0; k < 4; k++) {
            long m = 0;
            for (int lane = k + 1; lane < 4; lane++) {
                m |= (long) STEP_ABOVE << (16 * lane);
            }
            BOUNDARY[k] = m;
        }
    }

    private long[] words;
    /** Per node: words [0, low) are all floor, words [high, 64) all top band; low <= high (they never overlap). */
    private byte[] low;
    private byte[] high;

    FrequencyTables(int capacity) {
        words = new long[capacity * WORDS];
        low = new byte[capacity];
        high = new byte[capacity];
    }

    void grow(int capacity) {
        words = Arrays.copyOf(words, capacity * WORDS);
        low = Arrays.copyOf(low, capacity);
        high = Arrays.copyOf(high, capacity);
    }

    /** Biased entry u[j] = cdf[j] - j + 31 of a node; {@code cdf[s+1] - cdf[s]} is {@code u[s+1] - u[s] + 1}. */
    int biased(int id, int j) {
        return (int) (words[id * WORDS + (j >> 2)] >>> ((j & 3) << 4) & LANE_MASK);
    }

    int cdf(int id, int j) {
        return biased(id, j) + j - BIAS;
    }

    /** Makes a node's table uniform. */
    void reset(int id) {
        int base = id * WORDS;
        Arrays.fill(words, base, base + WORDS, 0L);
        for (int j = 0; j < STRIDE; j++) {
            put(base, j, j * (TOTAL / SYMBOLS));
        }
        rescan(id);
    }

    /** Sets a node's table; the caller has checked that cdf[0] is 0, cdf[256] is 8192 and j <= cdf[j] <= j + 7936. */
    void load(int id, int[] cdf) {
        int base = id * WORDS;
        Arrays.fill(words, base, base + WORDS, 0L);
        for (int j = 0; j < STRIDE; j++) {
            put(base, j, cdf[j]);
        }
        rescan(id);
    }

    private void put(int base, int j, int cdf) {
        int shift = (j & 3) << 4;
        words[base + (j >> 2)] |= (long) (cdf - j + BIAS) << shift;
    }

    /** cdf[j] += (target[j] - cdf[j]) >> 5 for j in 1..255, skipping the words at their fixed point. */
    void adapt(int id, int s) {
        long[] t = words;
        int base = id * WORDS;
        int at = s >> 2;
        int from = Math.min(low[id], at);
        int to = Math.max(high[id], at + 1);
        for (int w = base + from, end = base + at; w < end; w++) {
            long v = t[w];
            t[w] = v - ((v >>> RATE) & SHIFTED_MASK);
        }
        long m = t[base + at];
        t[base + at] = m - ((m >>> RATE) & SHIFTED_MASK) + BOUNDARY[s & 3];
        for (int w = base + at + 1, end = base + to; w < end; w++) {
            long v = t[w];
            t[w] = v - ((v >>> RATE) & SHIFTED_MASK) + ABOVE;
        }
        // Words below from are still floor and words from to on still top band; widen by the edge words only (see
        // the class comment). They cannot both pass when from + 1 == to, so low <= high holds.
        int lo = from + (t[base + from] == FLOOR_WORD ? 1 : 0);
        int hi = to - ((t[base + to - 1] & BAND_BITS) == BAND_BITS ? 1 : 0);
        low[id] = (byte) lo;
        high[id] = (byte) hi;
    }

    /** Derives a node's word range from its entries, as adaptation would have left it at the widest. */
    private void rescan(int id) {
        int base = id * WORDS;
        int lo = 0;
        while (lo < ADAPTED && words[base + lo] == FLOOR_WORD) {
            lo++;
        }
        int hi = ADAPTED;
        while (hi > lo && (words[base + hi - 1] & BAND_BITS) == BAND_BITS) {
            hi--;
        }
        low[id] = (byte) lo;
        high[id] = (byte) hi;
    }

    /** Word range of a node, {@code low | high << 8} (for tests). */
    int span(int id) {
        return low[id] | high[id] << 8;
    }
}
