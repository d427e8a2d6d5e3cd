package io.vigil.core.loggroup;

import io.vigil.core.modelfile.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces the identifying fields of log entries (product, key, machine code, IP) with pseudonyms, so that models,
 * model files and exports never hold them in the clear, while equal values still give equal pseudonyms (which is
 * all the group model needs: it counts distinct values and compares them with history).
 *
 * <p>A pseudonym is HMAC-SHA256 under a secret key of the field's name, a NUL byte and the value's UTF-8 bytes,
 * truncated to its first {@value #PSEUDONYM_BYTES} bytes and written in unpadded base64url: 22 characters such as
 * {@code "q3V0ZqKhm1xS2ZlJ0pHc4A"}. The field name keeps a key and an IP that happen to be the same string apart;
 * 128 bits make collisions negligible among any number of identifiers a licence server sees. Without the secret, a
 * pseudonym cannot be reversed or recomputed, even for a small space such as IPv4 addresses, which is why a plain
 * hash would not do. Null values stay null. Pseudonymising an entry twice gives pseudonyms of pseudonyms: do it
 * once, on ingest.
 *
 * <p>The secret (32 bytes from {@link SecureRandom}) is generated on first use and kept in the file
 * {@value #SECRET_FILE} in the given directory, written atomically and readable by the owner only (mode 600) where
 * the file system has POSIX permissions. It is never logged and no method returns it; losing it means new
 * pseudonyms no longer match the ones in stored models, which then need a refit. One process should create it
 * (the server at start-up): two processes creating it at the same moment could each pick a different one.
 *
 * <p>Thread-safe.
 */
public final class Pseudonymiser {
    public static final String SECRET_FILE = "log-pseudonym.secret";
    public static final int SECRET_BYTES = 32;
    public static final int PSEUDONYM_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Object CREATION_LOCK = new Object();

    /** The fields that are pseudonymised. */
    public enum Identifier {
        PRODUCT, KEY, MACHINE_CODE, IP;

        private final byte[] domain = (name().toLowerCase(java.util.Locale.ROOT) + '\0')
                .getBytes(StandardCharsets.US_ASCII);
    }

    private final SecretKeySpec secret;
    private final ThreadLocal<Mac> macs;

    Pseudonymiser(byte[] secretBytes) {
        if (secretBytes.length != SECRET_BYTES) {
            throw new IllegalArgumentException("the pseudonym secret must be " + SECRET_BYTES + " bytes");
        }
        this.secret = new SecretKeySpec(secretBytes.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
        newMac(); // fail now, not on first use, if the platform lacks HMAC-SHA256
    }

    /**
     * The pseudonymiser whose secret lives in {@code directory}, creating the directory (owner-only where
     * possible) and the secret on first use.
     *
     * @throws IOException when the secret cannot be read or written, or the file is not a secret of the right
     *                     length
     */
    public static Pseudonymiser open(Path directory) throws IOException {
        Path file = directory.resolve(SECRET_FILE);
        synchronized (CREATION_LOCK) {
            if (!Files.exists(file)) {
                createPrivateDirectory(directory);
                byte[] fresh = new byte[SECRET_BYTES];
                new SecureRandom().nextBytes(fresh);
                AtomicFiles.writeOwnerOnly(file, fresh);
                Arrays.fill(fresh, (byte) 0);
            }
            byte[] bytes = Files.readAllBytes(file);
            try {
                if (bytes.length != SECRET_BYTES) {
                    throw new IOException(file + " is not a pseudonym secret (expected " + SECRET_BYTES
                            + " bytes, found " + bytes.length + ")");
                }
                return new Pseudonymiser(bytes);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    /** The pseudonym of one value of one field; null for null. */
    public String pseudonym(Identifier field, String value) {
        if (value == null) {
            return null;
        }
        Mac mac = macs.get();
        mac.update(field.domain);
        byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, PSEUDONYM_BYTES));
    }

    /** The entry with product, key, machine code and IP replaced by their pseudonyms; nothing else changes. */
    public LogEntry pseudonymise(LogEntry entry) {
        return entry.withIdentifiers(pseudonym(Identifier.PRODUCT, entry.product()),
                pseudonym(Identifier.KEY, entry.key()), pseudonym(Identifier.MACHINE_CODE, entry.machineCode()),
                pseudonym(Identifier.IP, entry.ip()));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory);
        if (posix(directory)) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Override
    public String toString() {
        return "Pseudonymiser[HMAC-SHA256, " + PSEUDONYM_BYTES + "-byte pseudonyms]";
    }
}
