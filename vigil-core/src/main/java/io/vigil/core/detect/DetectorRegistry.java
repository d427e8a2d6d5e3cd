package io.vigil.core.detect;

import io.vigil.core.autoencoder.Autoencoder;
import io.vigil.core.copod.Copod;
import io.vigil.core.ecod.Ecod;
import io.vigil.core.hbos.Hbos;
import io.vigil.core.iforest.IsolationForest;
import io.vigil.core.knn.KNearestNeighbors;
import io.vigil.core.lof.LocalOutlierFactor;
import io.vigil.core.ocsvm.OneClassSvm;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps detector names to factories. The one place REST, CLI, monitors and runs look detectors up. */
public final class DetectorRegistry {
    private static final DetectorRegistry STANDARD = new DetectorRegistry(List.of(
            IsolationForest.FACTORY,
            LocalOutlierFactor.FACTORY,
            OneClassSvm.FACTORY,
            Autoencoder.FACTORY,
            KNearestNeighbors.FACTORY,
            Ecod.FACTORY,
            Copod.FACTORY,
            Hbos.FACTORY,
            io.vigil.core.ensemble.Ensemble.FACTORY,
            io.vigil.core.ensemble.Ensemble.VOTING_FACTORY,
            io.vigil.core.ensemble.AutoEnsemble.FACTORY));

    private final Map<String, DetectorFactory> factories;

    public DetectorRegistry(Collection<DetectorFactory> factories) {
        Map<String, DetectorFactory> map = new LinkedHashMap<>();
        for (DetectorFactory f : factories) {
            if (map.put(f.name(), f) != null) {
                throw new IllegalArgumentException("two factories named " + f.name());
            }
        }
        this.factories = Collections.unmodifiableMap(map);
    }

    /** Every detector that ships with Vigil. */
    public static DetectorRegistry standard() {
        return STANDARD;
    }

    public Set<String> names() {
        return factories.keySet();
    }

    public boolean contains(String name) {
        return factories.containsKey(name);
    }

    public DetectorFactory factory(String name) {
        DetectorFactory f = factories.get(name);
        if (f == null) {
            throw new UnknownDetectorException(name, factories.keySet());
        }
        return f;
    }

    /** Creates a detector, rejecting parameters it does not know. */
    public Detector create(String name, DetectorParameters params) {
        Detector detector = factory(name).create(params);
        params.requireAllRead("parameter", name);
        return detector;
    }

    public FittedDetector restore(DetectorState state) {
        return factory(state.detector()).restore(state);
    }
}
