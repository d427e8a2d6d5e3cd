package io.vigil.core.modelfile;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Writes files so that readers see the old content or the new, never a torn one: temp file, fsync, rename. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    /** Content produced by writing to a stream, for files too large to hold in memory at once. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** As {@link #write(Path, byte[])}, streaming the content into the temp file. */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, null);
    }

    /**
     * As {@link #write(Path, byte[])} for a secret: the temp file is created readable by its owner alone (where the
     * file system has POSIX permissions) before a byte is written, so the content is never readable by others, not
     * even between the write and a later change of permissions.
     */
    public static void writeOwnerOnly(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content), PosixFilePermissions.fromString("rw-------"));
    }

    private static void write(Path target, Content content, Set<PosixFilePermission> permissions)
            throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = tempBeside(target, permissions);
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Creates an empty temp file in {@code target}'s directory, to be renamed over it. Unlike
     * {@link Files#createTempFile}, which makes owner-only files, it gets the permissions the target has, or, for a
     * new file, those the process gives any new file (its umask), so replacing a file never changes who may read it.
     */
    public static Path tempBeside(Path target) throws IOException {
        return tempBeside(target, null);
    }

    /** The temp file, created with {@code permissions} when given (POSIX only), else as {@link #tempBeside(Path)}. */
    private static Path tempBeside(Path target, Set<PosixFilePermission> permissions) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Set<PosixFilePermission> wanted = permissions;
        if (wanted == null) {
            try {
                wanted = Files.getPosixFilePermissions(target);
            } catch (UnsupportedOperationException | IOException absentOrNotPosix) {
                // A new file, or a file system without POSIX permissions: the defaults apply.
            }
        }
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
        while (true) {
            Path temp = dir.resolve("." + target.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                Files.createFile(temp);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            if (wanted != null && posix) {
                try {
                    // Set on the empty file, before any content is written, so the content is never more open.
                    Files.setPosixFilePermissions(temp, wanted);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(temp);
                    throw e;
                }
            }
            return temp;
        }
    }

    /**
     * Puts a file that another writer (DuckDB's COPY, say) produced beside {@code target} into its place: fsync,
     * rename over the target, fsync the directory.
     */
    public static void commit(Path written, Path target) throws IOException {
        force(written);
        moveIntoPlace(written, target);
    }

    /** Flushes a file's content to the disk (before it is renamed into place). */
    public static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Makes a rename durable; some file systems refuse to open directories, which is harmless there. */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Durability of the directory entry is best effort where the platform cannot sync directories.
        }
    }
}
