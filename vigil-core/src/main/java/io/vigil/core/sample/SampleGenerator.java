package io.vigil.core.sample;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes the data rows of one kind of sample; {@link SampleDatasets} adds the header and the atomic file. */
interface SampleGenerator {
    /** Rows per block: anomalies are planted per block, so a block is what a generator holds in memory. */
    int BLOCK_ROWS = 4_800;

    /** Column names, {@code label} last. */
    List<String> columns();

    /** Writes {@code spec.rows()} rows, each ending in its label, 1 for planted anomalies. */
    void write(SampleSpec spec, Writer out) throws IOException;
}
