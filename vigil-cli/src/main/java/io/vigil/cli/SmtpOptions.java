package io.vigil.cli;

import io.vigil.monitor.action.MailSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The SMTP server that monitors' email actions go through, from {@code vigil serve} flags and environment. The
 * password has no flag, so it never shows in a process list or shell history: it comes from
 * {@code VIGIL_SMTP_PASSWORD} or a file.
 */
final class SmtpOptions {
    static final String PASSWORD_ENV = "VIGIL_SMTP_PASSWORD";

    @Option(names = "--smtp-host", defaultValue = "${env:VIGIL_SMTP_HOST}", paramLabel = "HOST",
            description = "SMTP server for monitors' email actions (env VIGIL_SMTP_HOST; default: none, email "
                    + "actions then fail with a message saying so).")
    String host;

    @Option(names = "--smtp-port", defaultValue = "${env:VIGIL_SMTP_PORT}", paramLabel = "PORT",
            description = "SMTP port (env VIGIL_SMTP_PORT; default: 587 with --smtp-starttls, else 25).")
    Integer port;

    @Option(names = "--smtp-starttls", defaultValue = "${env:VIGIL_SMTP_STARTTLS:-false}", fallbackValue = "true",
            arity = "0..1", paramLabel = "BOOL",
            description = "Require STARTTLS on the SMTP connection (env VIGIL_SMTP_STARTTLS=true).")
    boolean startTls;

    @Option(names = "--smtp-username", defaultValue = "${env:VIGIL_SMTP_USERNAME}", paramLabel = "USER",
            description = "SMTP login (env VIGIL_SMTP_USERNAME); its password comes from env "
                    + PASSWORD_ENV + " or --smtp-password-file, never from a flag.")
    String username;

    @Option(names = "--smtp-password-file", defaultValue = "${env:VIGIL_SMTP_PASSWORD_FILE}", paramLabel = "FILE",
            description = "File holding the SMTP password (env VIGIL_SMTP_PASSWORD_FILE); a trailing newline is "
                    + "ignored.")
    Path passwordFile;

    @Option(names = "--smtp-from", defaultValue = "${env:VIGIL_SMTP_FROM}", paramLabel = "ADDRESS",
            description = "Sender address of monitor emails (env VIGIL_SMTP_FROM); required with --smtp-host.")
    String from;

    /**
     * The mail settings, or null when no SMTP option is given.
     *
     * @throws UserInputException naming the flag when a setting is missing or out of range
     */
    MailSettings settings(Map<String, String> env) {
        String password = env.get(PASSWORD_ENV);
        boolean anyGiven = port != null || startTls || username != null || passwordFile != null || from != null
                || password != null;
        if (host == null || host.isBlank()) {
            if (anyGiven) {
                throw new UserInputException("--smtp-host (env VIGIL_SMTP_HOST) is required when other SMTP "
                        + "settings are given; set it or drop the --smtp-* options");
            }
            return null;
        }
        int p = port == null ? (startTls ? 587 : 25) : port;
        if (p < 1 || p > 65535) {
            throw new UserInputException("--smtp-port must be between 1 and 65535, got " + p);
        }
        if (from == null || from.isBlank() || !from.contains("@")) {
            throw new UserInputException("--smtp-from (env VIGIL_SMTP_FROM) must be the sender's email address, "
                    + "such as vigil@example.com" + (from == null ? "" : "; got '" + from + "'"));
        }
        if (passwordFile != null && password != null) {
            throw new UserInputException("the SMTP password is given twice: unset " + PASSWORD_ENV
                    + " or drop --smtp-password-file");
        }
        if (passwordFile != null) {
            password = readPassword(passwordFile);
        }
        if (password != null && (username == null || username.isBlank())) {
            throw new UserInputException("--smtp-username (env VIGIL_SMTP_USERNAME) is required with an SMTP "
                    + "password");
        }
        return new MailSettings(host.trim(), p, startTls, username == null || username.isBlank() ? null : username,
                password, from.trim());
    }

    private static String readPassword(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String password = text.strip();
            if (password.isEmpty()) {
                throw new UserInputException("--smtp-password-file " + file + " is empty; write the password in it");
            }
            return password;
        } catch (NoSuchFileException e) {
            throw new UserInputException("--smtp-password-file " + file + " does not exist; check the path");
        } catch (IOException e) {
            throw new UserInputException("--smtp-password-file " + file + " cannot be read: " + e.getMessage());
        }
    }
}
