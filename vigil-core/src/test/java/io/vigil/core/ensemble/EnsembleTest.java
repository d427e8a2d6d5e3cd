package io.vigil.core.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vigil.core.data.Matrix;
import io.vigil.core.detect.Detector;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.ecod.Ecod;
import io.vigil.core.modelfile.ModelFile;
import io.vigil.core.score.AnomalyModel;
import io.vigil.core.score.Provenance;
import io.vigil.core.score.Quantiles;
import io.vigil.core.score.ScoreNormalizer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EnsembleTest {

    /** A Gaussian cloud with a few far rows at the end. */
    static Matrix data(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                v[i * d + j] = r.nextGaussian() * (j + 1) + (i >= n - 5 ? 8 * (j + 1) : 0);
            }
        }
        return new Matrix(v, n, d);
    }

    static Detector create(String name, Map<String, ?> values, long seed, int threads) {
        return DetectorRegistry.standard().create(name, new DetectorParameters(values, seed, 0.1, threads));
    }

    @Test
    void meanEnsembleScoreIsTheMeanOfEachMembersOwnNormalisedScore() {
        Matrix train = data(400, 3, 1);
        Matrix fresh = data(50, 3, 2);
        EnsembleModel model = (EnsembleModel) create("ensemble", Map.of("members", "ecod,copod"), 0, 1).fit(train);
        double[][] members = model.memberScores(fresh);
        double[] combined = model.score(fresh);
        for (int k = 0; k < 2; k++) {
            ScoreNormalizer own = ScoreNormalizer.fit(model.members().get(k).score(train));
            assertThat(model.calibrations().get(k).normalizer()).isEqualTo(own);
        }
        for (int i = 0; i < fresh.rows(); i++) {
            double expected = (model.calibrations().get(0).normalizer().normalize(members[0][i])
                    + model.calibrations().get(1).normalizer().normalize(members[1][i])) / 2;
            assertThat(combined[i]).isCloseTo(expected, within(1e-15));
        }
        // The far rows at the end of the training data score highest.
        double[] training = model.score(train);
        assertThat(Quantiles.quantile(java.util.Arrays.copyOfRange(training, 395, 400), 0.0))
                .isGreaterThan(Quantiles.quantile(java.util.Arrays.copyOf(training, 395), 0.99));
    }

    @Test
    void votingFlagsByMajorityOfMembersAtTheirOwnThresholds() {
        Matrix train = data(500, 4, 3);
        EnsembleModel model = (EnsembleModel) create("voting",
                Map.of("members", List.of("isolation_forest", "ecod", "hbos")), 7, 1).fit(train);
        double[][] members = model.memberScores(train);
        double[] votes = model.score(train);
        for (int k = 0; k < 3; k++) {
            MemberCalibration c = model.calibrations().get(k);
            double[] normalized = c.normalizer().normalize(members[k]);
            assertThat(c.threshold()).isEqualTo(Quantiles.quantile(normalized, 0.9));
        }
        int majority = 0;
        for (int i = 0; i < train.rows(); i++) {
            int flagged = 0;
            for (int k = 0; k < 3; k++) {
                MemberCalibration c = model.calibrations().get(k);
                if (c.normalizer().normalize(members[k][i]) > c.threshold()) {
                    flagged++;
                }
            }
            assertThat(votes[i]).isBetween(flagged / 3.0, flagged / 3.0 + 1e-3);
            assertThat(votes[i] > 0.5).isEqualTo(flagged >= 2);
            majority += flagged >= 2 ? 1 : 0;
        }
        assertThat(majority).isGreaterThanOrEqualTo(5);
        for (int i = 495; i < 500; i++) {
            assertThat(votes[i]).isGreaterThan(0.99);
        }
    }

    @Test
    void stateRoundTripThroughRegistryAndModelFileGivesBitIdenticalScores() {
        Matrix train = data(300, 3, 4);
        Matrix fresh = data(80, 3, 5);
        List<Detector> detectors = List.of(
                create("ensemble", Map.of("members", "isolation_forest,knn,ecod"), 3, 2),
                create("ensemble", Map.of("members", "copod,local_outlier_factor", "combine", "rank",
                        "standardize", true), 3, 2),
                create("ensemble", Map.of("members", "hbos,knn", "combine", "max", "max_rows", 100), 3, 2),
                create("voting", Map.of("members", "isolation_forest,ecod,knn"), 3, 2),
                create("auto", Map.of(), 3, 2));
        for (Detector detector : detectors) {
            FittedDetector fitted = detector.fit(train);
            FittedDetector restored = DetectorRegistry.standard().restore(fitted.state());
            assertThat(restored.detectorName()).isEqualTo(detector.name());
            assertThat(restored.score(fresh)).containsExactly(fitted.score(fresh));
            assertThat(restored.state().members()).hasSize(fitted.state().members().size());

            var encoder = io.vigil.core.encode.SchemaEncoder.fit(table(train), null);
            AnomalyModel model = new AnomalyModel(encoder, fitted, ScoreNormalizer.fit(fitted.score(train)), 0.5,
                    0.1, new Provenance(detector.name(), detector.parameters(), train.rows(), train.cols(),
                    encoder.featureNames(), 3, "test", java.time.Instant.EPOCH));
            AnomalyModel back = ModelFile.standard().fromBytes(ModelFile.standard().toBytes(model));
            assertThat(back.detector().score(fresh)).containsExactly(fitted.score(fresh));
        }
    }

    private static io.vigil.core.data.Table table(Matrix m) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < m.rows(); i++) {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            for (int j = 0; j < m.cols(); j++) {
                row.put("f" + j, m.get(i, j));
            }
            rows.add(row);
        }
        return io.vigil.core.data.Table.ofRecords(rows);
    }

    @Test
    void sameSeedGivesTheSameScoresWhateverTheThreadCount() {
        Matrix train = data(3000, 4, 6);
        Matrix fresh = data(200, 4, 7);
        for (String name : List.of("auto", "voting", "ensemble")) {
            Map<String, Object> params = name.equals("auto") ? Map.of()
                    : Map.of("members", "isolation_forest,knn,copod", "max_rows", 1000, "standardize", "true");
            FittedDetector one = create(name, params, 11, 1).fit(train);
            FittedDetector two = create(name, params, 11, 2).fit(train);
            FittedDetector four = create(name, params, 11, 4).fit(train);
            assertThat(two.score(train)).containsExactly(one.score(train));
            assertThat(four.score(fresh)).containsExactly(one.score(fresh));
            assertThat(two.state().members().get(0).arrays().get("value"))
                    .isEqualTo(one.state().members().get(0).arrays().get("value"));
        }
    }

    @Test
    void membersGetTheEnsembleSeedPlusTheirIndexAndTheirOwnParameters() {
        Ensemble e = (Ensemble) create("ensemble", Map.of("members", List.of(
                Map.of("algorithm", "isolation_forest", "trees", 20),
                "isolation_forest",
                Map.of("algorithm", "knn", "n_neighbors", 7))), 40, 1);
        assertThat(e.members()).extracting(Detector::name).containsExactly("isolation_forest", "isolation_forest",
                "knn");
        assertThat(e.members().get(0).parameters()).containsEntry("trees", 20).containsEntry("seed", 40L);
        assertThat(e.members().get(1).parameters()).containsEntry("trees", 100).containsEntry("seed", 41L);
        assertThat(e.members().get(2).parameters()).containsEntry("n_neighbors", 7);
        assertThat(e.combination()).isEqualTo(Combination.MEAN);
        // Different seeds: the two forests differ.
        Matrix train = data(200, 2, 8);
        EnsembleModel model = e.fit(train);
        assertThat(model.memberScores(train)[0]).isNotEqualTo(model.memberScores(train)[1]);
    }

    @Test
    void commandLineListsAreTrimmed() {
        Ensemble e = (Ensemble) create("voting", Map.of("members", " ecod , knn,hbos"), 0, 1);
        assertThat(e.members()).extracting(Detector::name).containsExactly("ecod", "knn", "hbos");
        assertThat(e.combination()).isEqualTo(Combination.VOTE);
    }

    @Test
    void unknownMemberNamesTheParameterAndListsTheValidNames() {
        assertThatThrownBy(() -> create("ensemble", Map.of("members", "isolation_forest,nope"), 0, 1))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo("members"))
                .hasMessageContaining("'nope'")
                .hasMessageContaining("isolation_forest, knn, local_outlier_factor");
    }

    @Test
    void emptyOrMissingMembersAreRejected() {
        for (Map<String, ?> params : List.<Map<String, ?>>of(Map.of(), Map.of("members", ""),
                Map.of("members", List.of()), Map.of("members", "ecod,,knn"))) {
            assertThatThrownBy(() -> create("ensemble", params, 0, 1))
                    .isInstanceOf(InvalidParameterException.class)
                    .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo("members"));
        }
        assertThatThrownBy(() -> Ensemble.builder().members(List.of()).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("at least one");
    }

    @Test
    void ensemblesCannotBeMembers() {
        for (String nested : List.of("ensemble", "voting", "auto")) {
            assertThatThrownBy(() -> create("ensemble", Map.of("members", "ecod," + nested), 0, 1))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("cannot be ensembles")
                    .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo("members"));
        }
        Ensemble inner = Ensemble.builder().members(List.of(Ecod.builder().build())).build();
        assertThatThrownBy(() -> Ensemble.builder().members(List.of(inner)).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("base detectors");
    }

    @Test
    void invalidSettingsNameTheirParameter() {
        assertThatThrownBy(() -> create("ensemble", Map.of("members", "ecod", "combine", "median"), 0, 1))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo("combine"));
        assertThatThrownBy(() -> create("ensemble", Map.of("members", "ecod", "max_rows", 1), 0, 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("maxRows");
        assertThatThrownBy(() -> create("voting", Map.of("members", "ecod", "combine", "max"), 0, 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("unknown parameter 'combine'");
        assertThatThrownBy(() -> create("auto", Map.of("members", "ecod"), 0, 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("unknown parameter 'members'");
        assertThatThrownBy(() -> create("ensemble",
                Map.of("members", List.of(Map.of("algorithm", "knn", "n_neighbors", 0))), 0, 1))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("member 0 (knn)")
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo("members"));
        assertThatThrownBy(() -> create("ensemble", Map.of("members", List.of(Map.of("trees", 5))), 0, 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("\"algorithm\"");
        assertThatThrownBy(() -> create("ensemble",
                Map.of("members", List.of(Map.of("algorithm", "ecod", "bogus", 1))), 0, 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("bogus");
        assertThatThrownBy(() -> Ensemble.builder().members(List.of(Ecod.builder().build())).threads(0).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("threads");
        assertThatThrownBy(() -> Ensemble.builder().members(List.of(Ecod.builder().build())).contamination(0.7)
                .build()).isInstanceOf(InvalidParameterException.class).hasMessageContaining("contamination");
    }

    @Test
    void restoreRefusesUnknownVersionsAndMismatchedCalibrations() {
        FittedDetector fitted = create("ensemble", Map.of("members", "ecod,copod"), 0, 1).fit(data(100, 2, 9));
        DetectorState s = fitted.state();
        DetectorState future = new DetectorState(s.detector(), 2, s.parameters(), s.arrays(), s.members());
        assertThatThrownBy(() -> DetectorRegistry.standard().restore(future)).hasMessageContaining("version 2");
        DetectorState oneMember = new DetectorState(s.detector(), 1, s.parameters(), s.arrays(),
                s.members().subList(0, 1));
        assertThatThrownBy(() -> DetectorRegistry.standard().restore(oneMember))
                .hasMessageContaining("1 members but calibrations for 2");
    }

    @Test
    void scoringTheTrainingMatrixGivesFitTimeScoresAndOtherRowsAreNewPoints() {
        Matrix train = data(200, 2, 10);
        FittedDetector fitted = create("ensemble", Map.of("members", "knn"), 0, 1).fit(train);
        Matrix copy = new Matrix(train.values().clone(), train.rows(), train.cols());
        // A copy is scored as new points: every row finds itself at distance 0, so k-NN distances shrink.
        double[] asTraining = fitted.score(train);
        double[] asNew = fitted.score(copy);
        for (int i = 0; i < train.rows(); i++) {
            assertThat(asNew[i]).isLessThanOrEqualTo(asTraining[i]);
        }
        assertThat(asNew).isNotEqualTo(asTraining);
    }
}
