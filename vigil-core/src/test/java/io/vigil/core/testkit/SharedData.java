package io.vigil.core.testkit;

import io.vigil.core.data.Column;
import io.vigil.core.data.CsvReader;
import io.vigil.core.data.Matrix;
import io.vigil.core.data.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/** The shared benchmark datasets, for functional tests: features as a matrix and the label column. */
public final class SharedData {
    private SharedData() {
    }

    public record Labelled(String name, Matrix features, boolean[] labels) {
    }

    public static Path datasets() {
        String dir = System.getProperty("vigil.shared.dir", "/work/shared");
        Path p = Path.of(dir, "datasets");
        if (!Files.isDirectory(p)) {
            p = Path.of("/work/shared/datasets");
        }
        return p;
    }

    /** Loads a dataset by file name, skipping the test when the shared folder is absent. */
    public static Labelled load(String file) {
        Path path = datasets().resolve(file);
        Assumptions.assumeTrue(Files.exists(path), "shared dataset " + path + " is not available");
        Table t = CsvReader.read(path);
        Column label = t.column("label");
        double[] lv = ((Column.Numeric) label).values();
        boolean[] labels = new boolean[lv.length];
        for (int i = 0; i < lv.length; i++) {
            labels[i] = lv[i] != 0;
        }
        List<Column> cols = t.without(Set.of("label")).columns();
        double[] flat = new double[t.rows() * cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            double[] v = ((Column.Numeric) cols.get(j)).values();
            for (int i = 0; i < v.length; i++) {
                flat[i * cols.size() + j] = v[i];
            }
        }
        return new Labelled(file.replaceAll("\\.csv(\\.gz)?$", ""), new Matrix(flat, t.rows(), cols.size()), labels);
    }

    /** Small and medium tabular datasets, quick enough for every build. */
    public static final List<String> SMALL = List.of("annthyroid.csv", "cardio.csv", "mammography.csv", "musk.csv",
            "pendigits.csv", "thyroid.csv", "wilt.csv");
}
