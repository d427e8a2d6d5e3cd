package io.vigil.monitor.action;

/**
 * The SMTP server email actions go through (server settings, not part of any monitor).
 *
 * @param host SMTP host
 * @param port SMTP port (25, 587 with STARTTLS, ...)
 * @param startTls whether to upgrade the connection with STARTTLS (required when true)
 * @param username login, or null for an open relay
 * @param password password for {@code username}
 * @param from sender address
 */
public record MailSettings(String host, int port, boolean startTls, String username, String password, String from) {
    public MailSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("mail host is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("mail port must be between 1 and 65535");
        }
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("mail from address is required");
        }
    }

    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", startTls=" + startTls + ", username=" + username
                + ", from=" + from + "]";
    }
}
