package io.vigil.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EiselLemirePowersTest {

    @Test
    void theShippedTableIsTheOneBigIntegerBuilds() throws IOException {
        long[] built = EiselLemire.Powers.build();
        ByteBuffer expected = ByteBuffer.allocate(built.length * Long.BYTES);
        expected.asLongBuffer().put(built);
        // When the table's definition changes, regenerate the resource with
        // -Dvigil.writePowers=<absolute path of src/main/resources/io/vigil/core/data/eisel-lemire-powers.bin>
        String target = System.getProperty("vigil.writePowers");
        if (target != null) {
            Files.write(Path.of(target), expected.array());
        }
        byte[] shipped;
        try (InputStream in = EiselLemire.class.getResourceAsStream(EiselLemire.Powers.RESOURCE)) {
            assertThat(in).as("resource " + EiselLemire.Powers.RESOURCE).isNotNull();
            shipped = in.readAllBytes();
        }
        assertThat(shipped).isEqualTo(expected.array());
        assertThat(EiselLemire.Powers.TABLE).isEqualTo(built);
    }
}
