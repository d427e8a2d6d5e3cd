package io.vigil.core.stream.cad;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The context memory of the Contextual Anomaly Detector and its step (the method is in the package documentation).
 *
 * <p>A context joins a left semi-context (facts of the previous step: its sensor facts and the neurons it activated)
 * to a right one (sensor facts of the current step). Each context counts, over the steps whose left facts held all of
 * its left side, how many right facts it expected ({@code seen}) and how many came ({@code hit}), and how often all
 * of them came ({@code activations}). A step (1) stores the zero-level context "previous left facts, current sensor
 * facts"; (2) crosses the current sensor facts with the right semi-contexts and walks the contexts of the left
 * semi-contexts crossed at the last step, updating those whose left side was fully present, collecting the fully
 * confirmed ones as active and, when the zero-level context was new, proposing the crossed parts of zero-level
 * contexts (left part at most {@code maxLeftCrossed} facts) as new contexts; (3) makes the {@code maxActiveNeurons}
 * most activated active contexts this step's neurons; (4) stores the proposals, crosses the new left facts (sensor
 * facts and neurons) with the left semi-contexts and predicts the right facts of the fully present contexts with
 * the highest hit rate.
 */
final class ContextOperator {
    private final int maxLeftCrossed;
    private final int maxActiveNeurons;
    private final SemiContexts left = new SemiContexts();
    private final SemiContexts right = new SemiContexts();
    private final ContextLinks links = new ContextLinks();
    private int contexts;
    private int[] contextLeft = new int[64];
    private int[] contextRight = new int[64];
    private long[] seen = new long[64];
    private long[] hit = new long[64];
    private int[] activations = new int[64];
    private boolean[] zeroLevel = new boolean[64];
    /** This step's left facts: its sensor facts and neurons, sorted. */
    private int[] group = new int[16];
    private int groupLength;
    private long predicted;
    private double activeShare;
    private double newShare;
    private boolean created;
    private int[] active = new int[64];
    private int activeCount;
    private final int[] top;
    private int topCount;
    /** Proposed contexts: left facts then right facts in {@code proposalFacts}, lengths alongside. */
    private int[] proposalFacts = new int[256];
    private int[] proposalLengths = new int[128];
    private int proposals;
    private int[] resolved = new int[64];

    ContextOperator(int maxLeftCrossed, int maxActiveNeurons) {
        this.maxLeftCrossed = maxLeftCrossed;
        this.maxActiveNeurons = maxActiveNeurons;
        this.top = new int[maxActiveNeurons];
    }

    /** Sensor facts predicted for the next step, as bits by fact code. */
    long predicted() {
        return predicted;
    }

    /** Share of the contexts whose left side was fully present that were fully confirmed. */
    double activeShare() {
        return activeShare;
    }

    /** When the zero-level context was new: share of the distinct proposed contexts (it included) that were new. */
    double newShare() {
        return newShare;
    }

    /** One step on the sorted distinct sensor facts {@code sensors[0 .. n)}. */
    void step(int[] sensors, int n) {
        boolean newZero = false;
        int zeroContext = -1;
        if (groupLength > 0 && n > 0) {
            zeroContext = resolve(group, 0, groupLength, sensors, 0, n, true);
            newZero = created;
        }
        // The reference marks "no new zero-level context" with False, which Python takes for context 0 when it
        // compares ids, so context 0 is passed over then; kept, as every later id depends on it.
        int skip = newZero ? zeroContext : 0;
        right.cross(sensors, n);
        int selected = 0;
        activeCount = 0;
        proposals = 0;
        int proposalEnd = 0;
        for (int k = 0, m = left.crossedCount(); k < m; k++) {
            int id = left.crossedId(k);
            int[] t = links.walk(id);
            if (t == null) {
                continue;
            }
            int crossed = left.crossed(id);
            boolean full = crossed == left.length(id);
            boolean mayPropose = newZero && crossed <= maxLeftCrossed;
            if (!full && !mayPropose) {
                continue;
            }
            for (int e = 0, entries = links.size(id); e < entries; e++) {
                int r = t[2 * e];
                int c = t[2 * e + 1];
                if (c == skip) {
                    continue;
                }
                int rc = right.crossed(r);
                int rn = right.length(r);
                boolean propose = false;
                if (full) {
                    selected++;
                    seen[c] += rn;
                    if (rc > 0) {
                        hit[c] += rc;
                        if (rc == rn) {
                            activations[c]++;
                            addActive(c);
                        } else {
                            propose = zeroLevel[c] && mayPropose;
                        }
                    }
                } else {
                    propose = zeroLevel[c] && mayPropose && rc > 0;
                }
                if (propose) {
                    proposalEnd = propose(id, r, sensors, n, proposalEnd);
                }
            }
        }
        activeShare = selected > 0 ? activeCount / (double) selected : 0.0;
        chooseNeurons(sensors, n);

        int added = 0;
        if (proposals + 1 > resolved.length) {
            resolved = new int[Math.max(proposals + 1, resolved.length * 2)];
        }
        for (int p = 0, at = 0; p < proposals; p++) {
            int ln = proposalLengths[2 * p];
            int rn = proposalLengths[2 * p + 1];
            resolved[p] = resolve(proposalFacts, at, ln, proposalFacts, at + ln, rn, false);
            added += created ? 1 : 0;
            at += ln + rn;
        }
        crossLeft();
        if (newZero) {
            added++;
            newShare = added / (double) distinctProposals(zeroContext);
        } else {
            newShare = 0.0;
        }
    }

    /** Crosses this step's left facts with the left semi-contexts and predicts from the fully present ones. */
    private void crossLeft() {
        left.cross(group, groupLength);
        double best = 0.0;
        long prediction = 0;
        for (int k = 0, m = left.crossedCount(); k < m; k++) {
            int id = left.crossedId(k);
            int[] t = links.walk(id);
            if (t == null || left.crossed(id) != left.length(id)) {
                continue;
            }
            for (int e = 0, entries = links.size(id); e < entries; e++) {
                int c = t[2 * e + 1];
                double weight = seen[c] > 0 ? hit[c] / (double) seen[c] : 0.0;
                if (weight > best) {
                    best = weight;
                    prediction = right.sensorMask(contextRight[c]);
                } else if (weight == best) {
                    prediction |= right.sensorMask(contextRight[c]);
                }
            }
        }
        predicted = prediction;
    }

    /** Records the crossed parts of left semi-context {@code l} and right one {@code r} as a proposal. */
    private int propose(int l, int r, int[] sensors, int n, int at) {
        int need = at + left.length(l) + right.length(r);
        if (need > proposalFacts.length) {
            proposalFacts = Arrays.copyOf(proposalFacts, Math.max(need, proposalFacts.length * 2));
        }
        if (2 * proposals + 2 > proposalLengths.length) {
            proposalLengths = Arrays.copyOf(proposalLengths, proposalLengths.length * 2);
        }
        int ln = left.intersect(l, group, groupLength, proposalFacts, at);
        int rn = right.intersect(r, sensors, n, proposalFacts, at + ln);
        proposalLengths[2 * proposals] = ln;
        proposalLengths[2 * proposals + 1] = rn;
        proposals++;
        return at + ln + rn;
    }

    /** Distinct contexts among the zero-level one and the resolved proposals (a context is its pair of sides). */
    private int distinctProposals(int zeroContext) {
        resolved[proposals] = zeroContext;
        Arrays.sort(resolved, 0, proposals + 1);
        int distinct = 1;
        for (int i = 1; i <= proposals; i++) {
            if (resolved[i] != resolved[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }

    /** Finds or stores the context of these two fact lists; {@link #created} says whether it is new. */
    private int resolve(int[] lf, int lFrom, int ln, int[] rf, int rFrom, int rn, boolean zero) {
        long lh = Facts.hash(lf, lFrom, ln);
        int l = left.find(lf, lFrom, ln, lh);
        if (l < 0) {
            l = left.add(lf, lFrom, ln, lh);
            links.ensure(left.size());
        }
        long rh = Facts.hash(rf, rFrom, rn);
        int r = right.find(rf, rFrom, rn, rh);
        if (r < 0) {
            r = right.add(rf, rFrom, rn, rh);
        }
        int c = links.putIfAbsent(l, r, contexts);
        created = c == contexts;
        if (created) {
            addContext(l, r);
        }
        if (zero) {
            zeroLevel[c] = true;
        }
        return c;
    }

    private void addContext(int l, int r) {
        int c = contexts;
        if (c == contextLeft.length) {
            int cap = c * 2;
            contextLeft = Arrays.copyOf(contextLeft, cap);
            contextRight = Arrays.copyOf(contextRight, cap);
            seen = Arrays.copyOf(seen, cap);
            hit = Arrays.copyOf(hit, cap);
            activations = Arrays.copyOf(activations, cap);
            zeroLevel = Arrays.copyOf(zeroLevel, cap);
        }
        contextLeft[c] = l;
        contextRight[c] = r;
        contexts++;
    }

    private void addActive(int c) {
        if (activeCount == active.length) {
            active = Arrays.copyOf(active, activeCount * 2);
        }
        active[activeCount++] = c;
    }

    /**
     * The reference sorts the active contexts by (activations, left hash, right hash), a stable sort, and keeps the
     * last {@code maxActiveNeurons}; the same set is kept here by insertion into a short sorted buffer.
     */
    private void chooseNeurons(int[] sensors, int n) {
        topCount = 0;
        for (int i = 0; i < activeCount; i++) {
            int c = active[i];
            if (topCount < top.length) {
                int at = topCount;
                while (at > 0 && compare(top[at - 1], c) > 0) {
                    top[at] = top[at - 1];
                    at--;
                }
                top[at] = c;
                topCount++;
            } else if (top.length > 0 && compare(c, top[0]) >= 0) {
                int at = 0;
                while (at + 1 < top.length && compare(top[at + 1], c) <= 0) {
                    top[at] = top[at + 1];
                    at++;
                }
                top[at] = c;
            }
        }
        if (n + topCount > group.length) {
            group = new int[Math.max(n + topCount, group.length * 2)];
        }
        System.arraycopy(sensors, 0, group, 0, n);
        for (int i = 0; i < topCount; i++) {
            group[n + i] = Facts.neuron(top[i]);
        }
        Arrays.sort(group, n, n + topCount);
        groupLength = n + topCount;
    }

    private int compare(int a, int b) {
        int byUse = Integer.compare(activations[a], activations[b]);
        if (byUse != 0) {
            return byUse;
        }
        int byLeft = Long.compare(left.hash(contextLeft[a]), left.hash(contextLeft[b]));
        return byLeft != 0 ? byLeft : Long.compare(right.hash(contextRight[a]), right.hash(contextRight[b]));
    }

    /** The memory, in a compact binary form; {@link #read} rebuilds the same operator. */
    void write(DataOutput out) throws IOException {
        out.writeInt(groupLength);
        for (int i = 0; i < groupLength; i++) {
            out.writeInt(group[i]);
        }
        out.writeInt(contexts);
        writeSide(out, left);
        writeSide(out, right);
        for (int c = 0; c < contexts; c++) {
            out.writeInt(contextLeft[c]);
            out.writeInt(contextRight[c]);
            out.writeLong(seen[c]);
            out.writeLong(hit[c]);
            out.writeInt(activations[c]);
            out.writeBoolean(zeroLevel[c]);
        }
    }

    private static void writeSide(DataOutput out, SemiContexts side) throws IOException {
        int[] facts = new int[16];
        out.writeInt(side.size());
        for (int id = 0; id < side.size(); id++) {
            int n = side.length(id);
            if (n > facts.length) {
                facts = new int[n];
            }
            side.facts(id, facts, 0);
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                out.writeInt(facts[i]);
            }
        }
    }

    /**
     * Rebuilds the memory written by {@link #write}: semi-contexts and contexts are re-added in creation order, which
     * gives the same indexes and the same dict layouts, and the last left crossing is redone (the memory has not
     * changed since it was made).
     */
    void read(DataInput in) throws IOException {
        int n = count(in, 1 << 20);
        group = new int[Math.max(16, n)];
        for (int i = 0; i < n; i++) {
            group[i] = in.readInt();
            check(group[i] >= 0 && (i == 0 || group[i] > group[i - 1]), "left facts must be increasing codes");
        }
        groupLength = n;
        int total = count(in, Integer.MAX_VALUE - Facts.NEURON_BASE);
        readSide(in, left, Facts.neuron(total));
        links.ensure(left.size());
        readSide(in, right, Facts.NEURON_BASE);
        for (int c = 0; c < total; c++) {
            int l = in.readInt();
            int r = in.readInt();
            check(l >= 0 && l < left.size() && r >= 0 && r < right.size(), "context sides out of range");
            check(links.putIfAbsent(l, r, c) == c, "two contexts with the same sides");
            addContext(l, r);
            seen[c] = in.readLong();
            hit[c] = in.readLong();
            activations[c] = in.readInt();
            zeroLevel[c] = in.readBoolean();
        }
        for (int i = 0; i < groupLength; i++) {
            check(group[i] < Facts.neuron(contexts), "a neuron of no context");
        }
        crossLeft();
    }

    /** Reads one side's semi-contexts, whose fact codes must lie below {@code factLimit}. */
    private static void readSide(DataInput in, SemiContexts side, int factLimit) throws IOException {
        int size = count(in, Integer.MAX_VALUE);
        int[] facts = new int[16];
        for (int id = 0; id < size; id++) {
            int n = count(in, 1 << 20);
            if (n > facts.length) {
                facts = new int[n];
            }
            for (int i = 0; i < n; i++) {
                facts[i] = in.readInt();
                check(facts[i] >= 0 && facts[i] < factLimit && (i == 0 || facts[i] > facts[i - 1]),
                        "semi-context facts must be increasing codes of known facts");
            }
            long h = Facts.hash(facts, 0, n);
            check(side.find(facts, 0, n, h) < 0, "a semi-context stored twice");
            side.add(facts, 0, n, h);
        }
    }

    private static int count(DataInput in, int max) throws IOException {
        int n = in.readInt();
        check(n >= 0 && n <= max, "bad count " + n);
        return n;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(what); // the detector's restore names the snapshot
        }
    }
}
