package io.vigil.workflow;

import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.detect.UnknownDetectorException;
import java.util.Locale;
import java.util.Map;

/** Maps the detector names users bring from PyOD and scikit-learn onto the registry's names. */
final class AlgorithmNames {
    /** Keys are lower case with every character but letters and digits removed. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("isolationforest", "isolation_forest"),
            Map.entry("iforest", "isolation_forest"),
            Map.entry("lof", "local_outlier_factor"),
            Map.entry("localoutlierfactor", "local_outlier_factor"),
            Map.entry("oneclasssvm", "one_class_svm"),
            Map.entry("ocsvm", "one_class_svm"),
            Map.entry("knn", "knn"),
            Map.entry("knearestneighbors", "knn"),
            Map.entry("autoencoder", "autoencoder"),
            Map.entry("ecod", "ecod"),
            Map.entry("copod", "copod"),
            Map.entry("hbos", "hbos"));

    private AlgorithmNames() {
    }

    /**
     * The registry name for a registry name or alias.
     *
     * @throws UnknownDetectorException listing the registry's names when it is neither
     */
    static String canonical(DetectorRegistry registry, String requested) {
        if (registry.contains(requested)) {
            return requested;
        }
        String key = requested.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String alias = ALIASES.get(key);
        if (alias != null && registry.contains(alias)) {
            return alias;
        }
        throw new UnknownDetectorException(requested, registry.names());
    }
}
