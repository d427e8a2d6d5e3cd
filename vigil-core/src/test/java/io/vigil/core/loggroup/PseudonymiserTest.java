package io.vigil.core.loggroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.loggroup.Pseudonymiser.Identifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymiserTest {
    @TempDir
    Path dir;

    private static final LogEntry ENTRY = new LogEntry(42, Instant.parse("2026-01-05T10:00:00Z"), "Editor Pro",
            "ABCDE-FGHIJ-KLMNO-PQRST", "a1b2c3d4e5f60718", "203.0.113.9", "SE", 410, false, "Activate",
            "/api/key/Activate", Map.of("friendly_name", "build server"));

    @Test
    void createsTheSecretOnceAndReusesIt() throws IOException {
        Path secrets = dir.resolve("secrets");
        Pseudonymiser first = Pseudonymiser.open(secrets);
        Path file = secrets.resolve(Pseudonymiser.SECRET_FILE);
        byte[] secret = Files.readAllBytes(file);
        assertThat(secret).hasSize(32);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        Pseudonymiser second = Pseudonymiser.open(secrets);
        assertThat(Files.readAllBytes(file)).isEqualTo(secret);
        assertThat(second.pseudonymise(ENTRY)).isEqualTo(first.pseudonymise(ENTRY));
        try (var listing = Files.list(secrets)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void pseudonymsDifferAcrossSecretsAndFields() throws IOException {
        Pseudonymiser a = Pseudonymiser.open(dir.resolve("a"));
        Pseudonymiser b = Pseudonymiser.open(dir.resolve("b"));
        String key = ENTRY.key();
        assertThat(a.pseudonym(Identifier.KEY, key)).isNotEqualTo(b.pseudonym(Identifier.KEY, key));
        assertThat(a.pseudonym(Identifier.KEY, "x")).isNotEqualTo(a.pseudonym(Identifier.IP, "x"));
        assertThat(a.pseudonym(Identifier.KEY, key)).isEqualTo(a.pseudonym(Identifier.KEY, key))
                .hasSize(22).matches("[A-Za-z0-9_-]{22}");
        assertThat(a.pseudonym(Identifier.KEY, null)).isNull();
    }

    @Test
    void pseudonymsAreTheTruncatedHmacOfFieldAndValue() throws Exception {
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) i;
        }
        Pseudonymiser p = new Pseudonymiser(secret);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
        byte[] digest = mac.doFinal(("ip\u0000" + "203.0.113.9").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(java.util.Arrays.copyOf(digest, 16));
        assertThat(p.pseudonym(Identifier.IP, "203.0.113.9")).isEqualTo(expected);
    }

    @Test
    void replacesOnlyTheIdentifyingFields() throws IOException {
        Pseudonymiser p = Pseudonymiser.open(dir);
        LogEntry out = p.pseudonymise(ENTRY);
        assertThat(out.product()).isEqualTo(p.pseudonym(Identifier.PRODUCT, "Editor Pro"));
        assertThat(out.key()).isEqualTo(p.pseudonym(Identifier.KEY, ENTRY.key()));
        assertThat(out.machineCode()).isEqualTo(p.pseudonym(Identifier.MACHINE_CODE, ENTRY.machineCode()));
        assertThat(out.ip()).isEqualTo(p.pseudonym(Identifier.IP, ENTRY.ip()));
        assertThat(out).usingRecursiveComparison().ignoringFields("product", "key", "machineCode", "ip")
                .isEqualTo(ENTRY);
        LogEntry keyless = p.pseudonymise(ENTRY.withIdentifiers("Editor Pro", null, null, "203.0.113.9"));
        assertThat(keyless.key()).isNull();
        assertThat(keyless.machineCode()).isNull();
    }

    @Test
    void neverShowsTheSecret() throws IOException {
        Pseudonymiser p = Pseudonymiser.open(dir);
        byte[] secret = Files.readAllBytes(dir.resolve(Pseudonymiser.SECRET_FILE));
        String text = p.toString();
        assertThat(text).doesNotContain(HexFormat.of().formatHex(secret))
                .doesNotContain(Base64.getEncoder().encodeToString(secret));
    }

    @Test
    void refusesAFileThatIsNotASecret() throws IOException {
        Files.write(dir.resolve(Pseudonymiser.SECRET_FILE), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> Pseudonymiser.open(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("expected 32 bytes, found 3");
    }
}
