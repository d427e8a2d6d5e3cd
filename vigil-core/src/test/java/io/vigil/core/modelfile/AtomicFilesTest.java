package io.vigil.core.modelfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void streamedContentReplacesTheFileWhole() throws IOException {
        Path target = dir.resolve("sub/data.csv");
        AtomicFiles.write(target, "old\n".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, out -> {
            for (int i = 0; i < 100_000; i++) {
                out.write(("row " + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
        });
        assertThat(Files.readAllLines(target)).hasSize(100_000).startsWith("row 0").endsWith("row 99999");
        assertNoTempFiles(target.getParent());
    }

    @Test
    void aFailedWriteLeavesTheOldContentAndNoTempFile() throws IOException {
        Path target = dir.resolve("data.csv");
        AtomicFiles.write(target, "old\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old\n");
        assertNoTempFiles(dir);
    }

    private static void assertNoTempFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aNewFileGetsTheDefaultPermissionsAndAReplacedFileKeepsItsOwn() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain"));
        Path target = dir.resolve("results.csv");
        AtomicFiles.write(target, "a\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));

        java.util.Set<java.nio.file.attribute.PosixFilePermission> shared =
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(target, shared);
        AtomicFiles.write(target, "b\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(target)).isEqualTo("b\n");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(shared);
        assertNoTempFiles(dir);
    }

    @Test
    void aSecretIsOwnerOnlyWhateverTheUmaskOrTheFileItReplaces() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path secret = dir.resolve("secret.key");
        AtomicFiles.writeOwnerOnly(secret, new byte[] {1, 2, 3});
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
                .isEqualTo("rw-------");
        Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        AtomicFiles.writeOwnerOnly(secret, new byte[] {4});
        assertThat(Files.readAllBytes(secret)).containsExactly(4);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
                .isEqualTo("rw-------");
        assertNoTempFiles(dir);
    }
}
