package io.vigil.core.ensemble;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.score.ScoreNormalizer;
import io.vigil.core.standardize.Standardization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted ensemble: the optional feature scaling, the fitted members and each member's calibration. Immutable and
 * safe to score from many threads.
 *
 * <p>Like the neighbour detectors, {@link #score(Matrix)} returns the training scores when handed the very matrix
 * the ensemble was fitted on (recognised by its backing array), so "fit on all rows, score all rows" gives every
 * member's fit-time view of its training rows; any other matrix is scored as new rows.
 */
public final class EnsembleModel implements FittedDetector {
    static final int STATE_VERSION = 1;

    private final String name;
    private final Combination combination;
    private final FittedDetector[] members;
    private final MemberCalibration[] calibrations;
    private final Standardization scaling;
    private final int features;
    private final Map<String, Object> parameters;
    private final int threads;
    /** Backing array of the training matrix (identity only) and its combined scores; null after a restore. */
    private final double[] trainingValues;
    private final double[] trainingScores;

    EnsembleModel(String name, Combination combination, FittedDetector[] members, MemberCalibration[] calibrations,
                  Standardization scaling, int features, Map<String, Object> parameters, int threads,
                  double[] trainingValues, double[] trainingScores) {
        this.name = name;
        this.combination = combination;
        this.members = members.clone();
        this.calibrations = calibrations.clone();
        this.scaling = scaling;
        this.features = features;
        this.parameters = parameters;
        this.threads = threads;
        this.trainingValues = trainingValues;
        this.trainingScores = trainingScores;
    }

    /** Rebuilds a model from state, restoring each member through the standard registry at call time. */
    static EnsembleModel fromState(DetectorState s, String expectedName) {
        s.requireVersion(expectedName, STATE_VERSION);
        Map<String, Object> params = new LinkedHashMap<>(s.parameters());
        params.remove("features");
        int features = s.intParameter("features");
        Combination combination = Combination.fromStored(s.stringParameter("combine"));
        int m = s.members().size();
        double[] median = s.doubles("median");
        double[] spread = s.doubles("spread");
        double[] threshold = s.doubles("threshold");
        if (m == 0 || median.length != m || spread.length != m || threshold.length != m) {
            throw new IllegalArgumentException(expectedName + " state has " + m
                    + " members but calibrations for " + median.length);
        }
        FittedDetector[] members = new FittedDetector[m];
        MemberCalibration[] calibrations = new MemberCalibration[m];
        for (int k = 0; k < m; k++) {
            DetectorState member = s.members().get(k);
            if (Ensemble.ENSEMBLE_NAMES.contains(member.detector())) {
                throw new IllegalArgumentException(expectedName + " state nests an ensemble as member " + k);
            }
            members[k] = DetectorRegistry.standard().restore(member);
            if (members[k].features() != features) {
                throw new IllegalArgumentException(expectedName + " member " + k + " expects "
                        + members[k].features() + " features, the ensemble " + features);
            }
            double[] sorted = combination == Combination.RANK ? s.doubles(sortedScoresName(k)) : new double[0];
            if (combination == Combination.RANK && sorted.length == 0) {
                throw new IllegalArgumentException(expectedName + " state has no training scores for member " + k);
            }
            calibrations[k] = new MemberCalibration(new ScoreNormalizer(median[k], spread[k]), threshold[k], sorted);
        }
        Standardization scaling = s.arrays().containsKey("means")
                ? new Standardization(s.doubles("means"), s.doubles("scales")) : null;
        if (scaling != null && scaling.features() != features) {
            throw new IllegalArgumentException(expectedName + " state scaling has " + scaling.features()
                    + " features, the ensemble " + features);
        }
        return new EnsembleModel(expectedName, combination, members, calibrations, scaling, features, params,
                ParallelLoop.defaultThreads(), null, null);
    }

    private static String sortedScoresName(int member) {
        return "training_scores_" + member;
    }

    @Override
    public String detectorName() {
        return name;
    }

    @Override
    public int features() {
        return features;
    }

    public Combination combination() {
        return combination;
    }

    public List<FittedDetector> members() {
        return List.of(members);
    }

    public List<MemberCalibration> calibrations() {
        return List.of(calibrations);
    }

    @Override
    public double[] score(Matrix rows) {
        if (rows.cols() != features) {
            throw new IllegalArgumentException("rows have " + rows.cols() + " features, the model expects " + features);
        }
        if (trainingValues != null && rows.values() == trainingValues) {
            return trainingScores.clone();
        }
        return combination.combine(memberScores(rows), calibrations, threads);
    }

    /** Each member's raw scores of {@code rows}, {@code [member][row]}, after the ensemble's scaling. */
    public double[][] memberScores(Matrix rows) {
        Matrix x = scaling == null ? rows : scaling.apply(rows);
        double[][] raw = new double[members.length][];
        for (int k = 0; k < members.length; k++) {
            raw[k] = members[k].score(x);
        }
        return raw;
    }

    @Override
    public DetectorState state() {
        Map<String, Object> p = new LinkedHashMap<>(parameters);
        p.put("combine", combination.parameterName());
        p.put("features", features);
        int m = members.length;
        double[] median = new double[m];
        double[] spread = new double[m];
        double[] threshold = new double[m];
        Map<String, Object> arrays = new LinkedHashMap<>();
        List<DetectorState> states = new ArrayList<>(m);
        for (int k = 0; k < m; k++) {
            MemberCalibration c = calibrations[k];
            median[k] = c.normalizer().median();
            spread[k] = c.normalizer().spread();
            threshold[k] = c.threshold();
            if (combination == Combination.RANK) {
                arrays.put(sortedScoresName(k), c.sortedScores());
            }
            states.add(members[k].state());
        }
        arrays.put("median", median);
        arrays.put("spread", spread);
        arrays.put("threshold", threshold);
        if (scaling != null) {
            arrays.put("means", scaling.means());
            arrays.put("scales", scaling.scales());
        }
        return new DetectorState(name, STATE_VERSION, p, arrays, states);
    }
}
