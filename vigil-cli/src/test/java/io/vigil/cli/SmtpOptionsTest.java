package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.monitor.action.MailSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SmtpOptionsTest {
    @TempDir
    Path dir;

    static SmtpOptions parse(String... args) {
        return CommandLine.populateCommand(new SmtpOptions(), args);
    }

    @Test
    void noSmtpOptionsMeansNoMailSettings() {
        assertThat(parse().settings(Map.of())).isNull();
    }

    @Test
    void readsThePasswordFromTheEnvironmentAndKeepsItOutOfToString() {
        MailSettings s = parse("--smtp-host", "mail.example.com", "--smtp-starttls", "--smtp-username", "alerts",
                "--smtp-from", "vigil@example.com").settings(Map.of(SmtpOptions.PASSWORD_ENV, "pa55"));
        assertThat(s).isEqualTo(new MailSettings("mail.example.com", 587, true, "alerts", "pa55", "vigil@example.com"));
        assertThat(s.toString()).doesNotContain("pa55");
        assertThat(parse("--smtp-host", "h", "--smtp-from", "a@b").settings(Map.of()).port()).isEqualTo(25);
    }

    @Test
    void readsThePasswordFromAFileWithoutItsTrailingNewline() throws IOException {
        Path file = Files.writeString(dir.resolve("pw"), "s3cret\n");
        MailSettings s = parse("--smtp-host", "h", "--smtp-port", "2525", "--smtp-username", "u", "--smtp-from",
                "a@b.c", "--smtp-password-file", file.toString()).settings(Map.of());
        assertThat(s.password()).isEqualTo("s3cret");
        assertThat(s.port()).isEqualTo(2525);
    }

    @Test
    void eachProblemNamesItsFlag() {
        assertThatThrownBy(() -> parse("--smtp-port", "25").settings(Map.of()))
                .isInstanceOf(UserInputException.class).hasMessageContaining("--smtp-host");
        assertThatThrownBy(() -> parse().settings(Map.of(SmtpOptions.PASSWORD_ENV, "x")))
                .hasMessageContaining("--smtp-host");
        assertThatThrownBy(() -> parse("--smtp-host", "h", "--smtp-port", "70000", "--smtp-from", "a@b")
                .settings(Map.of())).hasMessage("--smtp-port must be between 1 and 65535, got 70000");
        assertThatThrownBy(() -> parse("--smtp-host", "h", "--smtp-port", "0", "--smtp-from", "a@b")
                .settings(Map.of())).hasMessageContaining("--smtp-port");
        assertThatThrownBy(() -> parse("--smtp-host", "h").settings(Map.of())).hasMessageContaining("--smtp-from");
        assertThatThrownBy(() -> parse("--smtp-host", "h", "--smtp-from", "a@b").settings(
                Map.of(SmtpOptions.PASSWORD_ENV, "x"))).hasMessageContaining("--smtp-username");
        assertThatThrownBy(() -> parse("--smtp-host", "h", "--smtp-from", "a@b", "--smtp-username", "u",
                "--smtp-password-file", dir.resolve("missing").toString()).settings(Map.of()))
                .hasMessageContaining("--smtp-password-file").hasMessageContaining("does not exist");
    }

    @Test
    void serveRejectsBadMailAndRetentionSettingsWithExitCode2() {
        DetectRunCommandTest.Result port = DetectRunCommandTest.run("serve", "--port", "0", "--data-dir",
                dir.toString(), "--smtp-host", "127.0.0.1", "--smtp-port", "99999", "--smtp-from", "a@b");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err()).isEqualTo("vigil: --smtp-port must be between 1 and 65535, got 99999\n");
        DetectRunCommandTest.Result retention = DetectRunCommandTest.run("serve", "--port", "0", "--data-dir",
                dir.toString(), "--traffic-retention-days", "0");
        assertThat(retention.code()).isEqualTo(2);
        assertThat(retention.err()).contains("--traffic-retention-days must be at least 1");
        DetectRunCommandTest.Result help = DetectRunCommandTest.run("serve", "--help");
        assertThat(help.out()).contains("--smtp-host", "--smtp-port", "--smtp-starttls", "--smtp-username",
                "--smtp-password-file", "--smtp-from", "VIGIL_SMTP_PASSWORD", "--traffic-retention-days")
                .doesNotContain("--smtp-password ");
    }
}
