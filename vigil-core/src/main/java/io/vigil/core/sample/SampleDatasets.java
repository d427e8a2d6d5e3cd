package io.vigil.core.sample;

import io.vigil.core.modelfile.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes sample data sets as CSV files: a header, then {@link SampleSpec#rows()} rows, the last column {@code label}
 * (1 for planted anomalies, 0 otherwise). Rows are generated and written a block at a time, so memory stays small
 * whatever the size, and the file appears complete or not at all (temp file, fsync, rename).
 */
public final class SampleDatasets {
    private SampleDatasets() {
    }

    public static void writeCsv(SampleSpec spec, Path csv) throws IOException {
        SampleGenerator generator = generator(spec.kind());
        AtomicFiles.write(csv, stream -> {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            out.write(String.join(",", generator.columns()));
            out.write('\n');
            generator.write(spec, out);
            out.flush();
        });
    }

    /** The columns of a kind's file, in order, {@code label} last. */
    public static List<String> columns(SampleKind kind) {
        return generator(kind).columns();
    }

    private static SampleGenerator generator(SampleKind kind) {
        return switch (kind) {
            case ECOMMERCE -> new EcommerceGenerator();
            case SENSOR -> new SensorGenerator();
            case API_TRAFFIC -> new ApiTrafficGenerator();
        };
    }
}
