package io.vigil.cli;

import io.vigil.core.loggroup.LogGroupSettings;
import io.vigil.monitor.action.MailSettings;
import io.vigil.monitor.logs.LogSettings;
import io.vigil.monitor.traffic.TrafficRetention;
import io.vigil.server.InsecureBindingException;
import io.vigil.server.ServerConfig;
import io.vigil.server.VigilServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil serve}: the REST API until SIGTERM or Ctrl-C, which drain in-flight requests before stopping. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the anomaly-detection REST API (/v1/anomaly/fit, score, detect, save, load, models).",
                "Prints the URL once listening. With VIGIL_API_KEY set, every /v1 call needs "
                        + "'Authorization: Bearer <key>'."})
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", defaultValue = "${env:VIGIL_HOST:-127.0.0.1}", paramLabel = "HOST",
            description = "Address to listen on (env VIGIL_HOST; default: 127.0.0.1). Any other than loopback "
                    + "needs VIGIL_API_KEY or --insecure.")
    String host;

    @Option(names = "--port", defaultValue = "${env:VIGIL_PORT:-11540}", paramLabel = "PORT",
            description = "Port (env VIGIL_PORT; default: 11540; 0 picks a free one).")
    int port;

    @Option(names = "--data-dir", defaultValue = "${env:VIGIL_DATA_DIR:-${sys:user.home}/.vigil}", paramLabel = "DIR",
            description = "Data directory; models are saved under DIR/models/anomaly (env VIGIL_DATA_DIR; "
                    + "default: ~/.vigil).")
    Path dataDir;

    @Option(names = "--max-body-mb", defaultValue = "64", paramLabel = "MB",
            description = "Largest request body accepted, in MiB; larger ones get 413 (default: ${DEFAULT-VALUE}).")
    int maxBodyMb;

    @Option(names = "--insecure", description = "Allow listening on a non-loopback address without an API key.")
    boolean insecure;

    @Option(names = "--traffic-retention-days", defaultValue = "${env:VIGIL_TRAFFIC_RETENTION_DAYS:-30}",
            paramLabel = "DAYS", description = "Days of API traffic the monitor store keeps; older records are "
                    + "purged daily (env VIGIL_TRAFFIC_RETENTION_DAYS; default: 30).")
    int trafficRetentionDays;

    @CommandLine.Mixin
    SmtpOptions smtp = new SmtpOptions();

    @Option(names = "--log-group-size", defaultValue = "25", paramLabel = "N",
            description = "Request-log entries per group for /v1/log-anomalies, 2 to 10000 "
                    + "(default: ${DEFAULT-VALUE}).")
    int logGroupSize;

    @Option(names = "--log-per-product", description = "Cut each product's log entries into groups of their own.")
    boolean logPerProduct;

    @Option(names = "--log-pseudonyms-only", description = "Keep product, key, machine code and IP of log entries "
            + "as pseudonyms only, never in the clear.")
    boolean logPseudonymsOnly;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (maxBodyMb <= 0) {
            throw new UserInputException("--max-body-mb must be greater than 0, got " + maxBodyMb);
        }
        if (port < 0 || port > 65535) {
            throw new UserInputException("--port must be between 0 and 65535, got " + port);
        }
        if (trafficRetentionDays < 1) {
            throw new UserInputException("--traffic-retention-days must be at least 1, got " + trafficRetentionDays);
        }
        if (logGroupSize < 2 || logGroupSize > LogGroupSettings.MAX_GROUP_SIZE) {
            throw new UserInputException("--log-group-size must be between 2 and " + LogGroupSettings.MAX_GROUP_SIZE
                    + ", got " + logGroupSize);
        }
        MailSettings mail = smtp.settings(System.getenv());
        ServerConfig config = new ServerConfig(host, port, dataDir, maxBodyMb * 1024L * 1024L,
                System.getenv("VIGIL_API_KEY"), insecure, Clock.systemUTC(), mail,
                new TrafficRetention(trafficRetentionDays), LogSettings.defaults()
                .withGroups(logGroupSize, logPerProduct).withStoreRawIdentifiers(!logPseudonymsOnly));
        VigilServer server;
        try {
            server = VigilServer.start(config);
        } catch (InsecureBindingException e) {
            throw new UserInputException(e.getMessage());
        } catch (RuntimeException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof java.net.BindException) {
                    throw new UserInputException("cannot listen on " + host + ":" + port + " (" + c.getMessage()
                            + "); is another server running there? Choose another --port");
                }
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "vigil-shutdown"));
        out.println("Vigil listening on " + server.url() + " (models in " + config.modelsDir()
                + (config.apiKey() == null ? "" : "; API key required")
                + (mail == null ? "" : "; monitor email via " + mail.host() + ":" + mail.port()) + ")");
        out.println("Web UI: " + server.url() + "/");
        out.flush();
        stopped.await();
        return 0;
    }
}
