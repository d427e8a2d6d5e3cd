package io.vigil.core.ensemble;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.Detector;
import io.vigil.core.detect.DetectorFactory;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.standardize.Standardization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * An ensemble of registered detectors (Aggarwal and Sathe, "Theoretical Foundations and Algorithms for Outlier
 * Ensembles", SIGKDD Explorations 2015): every member is fitted on the same rows, each member's raw scores are put
 * on a common scale learned from its own training scores ({@link MemberCalibration}), and a {@link Combination}
 * merges them. The ensemble's raw score is the combined score, higher = more anomalous, so the pipeline's
 * normaliser and threshold apply on top as for any detector.
 *
 * <p>Members are base detectors only: an ensemble cannot be a member, which keeps every member's calibration one
 * level deep and the state free of recursion. Built through the registry, member i gets seed {@code seed + i} and
 * the ensemble's contamination and thread count. Optionally the rows are standardised first (the scaling is part
 * of the model) and the members fitted on at most {@code max_rows} rows drawn without replacement with the
 * ensemble's seed; all rows are then scored by the fitted members to calibrate them.
 */
public final class Ensemble implements Detector {
    public static final String NAME = "ensemble";
    public static final String VOTING = "voting";
    /** Detectors built of other detectors; none of them may be a member. */
    static final Set<String> ENSEMBLE_NAMES = Set.of(NAME, VOTING, AutoEnsemble.NAME);

    public static final DetectorFactory FACTORY = new DetectorFactory() {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "Ensemble of detectors (members=a,b,c): mean, rank or max of their calibrated scores";
        }

        @Override
        public Detector create(DetectorParameters p) {
            return configured(p, builder().name(NAME)
                    .combination(Combination.parseScoreRule(p.stringValue("mean", "combine"))));
        }

        @Override
        public FittedDetector restore(DetectorState state) {
            return EnsembleModel.fromState(state, NAME);
        }
    };

    public static final DetectorFactory VOTING_FACTORY = new DetectorFactory() {
        @Override
        public String name() {
            return VOTING;
        }

        @Override
        public String description() {
            return "Majority vote of detectors (members=a,b,c), each flagging at its own contamination threshold";
        }

        @Override
        public Detector create(DetectorParameters p) {
            return configured(p, builder().name(VOTING).combination(Combination.VOTE));
        }

        @Override
        public FittedDetector restore(DetectorState state) {
            return EnsembleModel.fromState(state, VOTING);
        }
    };

    private final String name;
    private final List<Detector> members;
    private final Combination combination;
    private final boolean standardize;
    private final int maxRows;
    private final long seed;
    private final double contamination;
    private final int threads;

    private Ensemble(Builder b) {
        this.name = b.name;
        this.members = List.copyOf(b.members);
        this.combination = b.combination;
        this.standardize = b.standardize;
        this.maxRows = b.maxRows;
        this.seed = b.seed;
        this.contamination = b.contamination;
        this.threads = b.threads;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static Ensemble configured(DetectorParameters p, Builder b) {
        List<MemberSpec> specs = MemberSpec.parse(p.rawValue(MemberSpec.PARAMETER));
        List<Detector> detectors = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            detectors.add(specs.get(i).create(i, p.seed(), p.contamination(), p.threads()));
        }
        return b.members(detectors)
                .standardize(p.booleanValue(false, "standardize"))
                .maxRows(p.intValue(0, "max_rows"))
                .seed(p.seed())
                .contamination(p.contamination())
                .threads(p.threads())
                .build();
    }

    @Override
    public String name() {
        return name;
    }

    public List<Detector> members() {
        return members;
    }

    public Combination combination() {
        return combination;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> list = new ArrayList<>();
        for (Detector d : members) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("algorithm", d.name());
            entry.putAll(d.parameters());
            list.add(entry);
        }
        m.put("members", list);
        m.put("combine", combination.parameterName());
        m.put("standardize", standardize);
        m.put("max_rows", maxRows);
        m.put("seed", seed);
        if (combination == Combination.VOTE) {
            m.put("contamination", contamination);
        }
        return m;
    }

    @Override
    public EnsembleModel fit(Matrix data) {
        int n = data.rows();
        int d = data.cols();
        if (n == 0 || d == 0) {
            throw new IllegalArgumentException("cannot fit an ensemble on " + n + " rows of " + d + " features");
        }
        Standardization scaling = standardize ? Standardization.fit(data) : null;
        Matrix rows = scaling == null ? data : scaling.apply(data);
        // Without sampling the members are fitted on and score the same matrix object, which tells neighbour
        // detectors to leave each training row out of its own neighbours.
        Matrix fitRows = maxRows > 0 && n > maxRows ? sample(rows, maxRows, seed) : rows;
        int m = members.size();
        FittedDetector[] fitted = new FittedDetector[m];
        MemberCalibration[] calibrations = new MemberCalibration[m];
        double[][] raw = new double[m][];
        for (int k = 0; k < m; k++) {
            fitted[k] = members.get(k).fit(fitRows);
            raw[k] = fitted[k].score(rows);
            calibrations[k] = MemberCalibration.fit(raw[k], combination, contamination);
        }
        double[] training = combination.combine(raw, calibrations, threads);
        return new EnsembleModel(name, combination, fitted, calibrations, scaling, d, parameters(), threads,
                data.values(), training);
    }

    /** {@code count} distinct rows drawn without replacement (a partial Fisher-Yates shuffle), in their order. */
    static Matrix sample(Matrix rows, int count, long seed) {
        int n = rows.rows();
        int d = rows.cols();
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(n - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(index, count);
        java.util.Arrays.sort(chosen);
        double[] src = rows.values();
        double[] out = new double[count * d];
        for (int i = 0; i < count; i++) {
            System.arraycopy(src, chosen[i] * d, out, i * d, d);
        }
        return new Matrix(out, count, d);
    }

    /** Validating builder; {@link #build()} checks every field. */
    public static final class Builder {
        private String name = NAME;
        private List<Detector> members = List.of();
        private Combination combination = Combination.MEAN;
        private boolean standardize;
        private int maxRows;
        private long seed;
        private double contamination = 0.1;
        private int threads = ParallelLoop.defaultThreads();

        /** The registry name the model reports and restores under: ensemble, voting or auto. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Configured base detectors, each with its own seed already set. */
        public Builder members(List<Detector> members) {
            this.members = members;
            return this;
        }

        public Builder combination(Combination combination) {
            this.combination = combination;
            return this;
        }

        /** Standardise the features (mean 0, standard deviation 1 on the training rows) before the members. */
        public Builder standardize(boolean standardize) {
            this.standardize = standardize;
            return this;
        }

        /** Fit the members on at most this many sampled rows; 0 fits them on all rows. */
        public Builder maxRows(int maxRows) {
            this.maxRows = maxRows;
            return this;
        }

        /** Seed of the row sample. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Share of anomalies expected; sets each member's voting threshold. */
        public Builder contamination(double contamination) {
            this.contamination = contamination;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Ensemble build() {
            if (!ENSEMBLE_NAMES.contains(name)) {
                throw new IllegalArgumentException("name must be one of " + ENSEMBLE_NAMES + ", got " + name);
            }
            if (members == null || members.isEmpty()) {
                throw new InvalidParameterException(MemberSpec.PARAMETER, "members must hold at least one detector");
            }
            for (Detector d : members) {
                if (d == null || d instanceof Ensemble) {
                    throw new InvalidParameterException(MemberSpec.PARAMETER,
                            "members must be base detectors, not " + (d == null ? "null" : "an ensemble"));
                }
            }
            if (combination == null) {
                throw new InvalidParameterException("combine", "combine must be mean, rank or max");
            }
            if ((combination == Combination.VOTE) != VOTING.equals(name)) {
                throw new InvalidParameterException("combine", "only the voting detector combines by vote");
            }
            if (maxRows != 0 && maxRows < 2) {
                throw new InvalidParameterException("max_rows", "maxRows must be 0 (all rows) or at least 2");
            }
            if (!(contamination > 0 && contamination <= 0.5)) {
                throw new InvalidParameterException("contamination",
                        "contamination must be greater than 0 and at most 0.5, got " + contamination);
            }
            if (threads <= 0) {
                throw new InvalidParameterException("threads", "threads must be greater than 0");
            }
            return new Ensemble(this);
        }
    }
}
