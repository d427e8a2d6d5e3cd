package io.vigil.server;

import io.vigil.monitor.logs.LogSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How a server runs.
 *
 * @param host         address to listen on
 * @param port         TCP port; 0 picks a free one
 * @param dataDir      base data directory; models live in {@code <dataDir>/models/anomaly}
 * @param maxBodyBytes largest request body accepted; larger ones get 413
 * @param apiKey       when not null, every {@code /v1} call needs {@code Authorization: Bearer <apiKey>}
 * @param insecure     allow a non-loopback host without an API key
 * @param clock        source of fitted-at times
 * @param logs         how request logs ({@code /v1/logs}) are stored and cut into groups
 */
public record ServerConfig(String host, int port, Path dataDir, long maxBodyBytes, String apiKey, boolean insecure,
                           Clock clock, LogSettings logs) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 11540;
    public static final int DEFAULT_MAX_BODY_MB = 64;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(logs, "logs");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("the body limit must be greater than 0, got " + maxBodyBytes);
        }
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** With the default log settings. */
    public ServerConfig(String host, int port, Path dataDir, long maxBodyBytes, String apiKey, boolean insecure,
                        Clock clock) {
        this(host, port, dataDir, maxBodyBytes, apiKey, insecure, clock, LogSettings.defaults());
    }

    /** Loopback on a free port, no key, the system clock: what tests and embedding start from. */
    public static ServerConfig local(Path dataDir) {
        return new ServerConfig(DEFAULT_HOST, 0, dataDir, DEFAULT_MAX_BODY_MB * 1024L * 1024L, null, false,
                Clock.systemUTC());
    }

    public Path modelsDir() {
        return dataDir.resolve("models").resolve("anomaly");
    }

    public ServerConfig withApiKey(String key) {
        return new ServerConfig(host, port, dataDir, maxBodyBytes, key, insecure, clock, logs);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, dataDir, maxBodyBytes, apiKey, insecure, clock, logs);
    }

    public ServerConfig withMaxBodyBytes(long limit) {
        return new ServerConfig(host, port, dataDir, limit, apiKey, insecure, clock, logs);
    }

    public ServerConfig withClock(Clock newClock) {
        return new ServerConfig(host, port, dataDir, maxBodyBytes, apiKey, insecure, newClock, logs);
    }

    public ServerConfig withLogs(LogSettings settings) {
        return new ServerConfig(host, port, dataDir, maxBodyBytes, apiKey, insecure, clock, settings);
    }

    /**
     * Refuses a non-loopback address without an API key unless {@link #insecure()}.
     *
     * @throws InsecureBindingException when the binding would expose the API unauthenticated
     * @throws IllegalArgumentException when the host cannot be resolved
     */
    public void checkBinding() {
        if (apiKey != null || insecure) {
            return;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve host '" + host + "': " + e.getMessage());
        }
        if (!address.isLoopbackAddress()) {
            throw new InsecureBindingException(host);
        }
    }
}
