package io.vigil.cli;

import io.vigil.monitor.store.MonitorDatabase;
import io.vigil.monitor.store.StoreException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil logs}: licence-server request logs and their suspected-anomaly groups, offline. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Import licence-server request logs and list suspected-anomaly groups, offline.",
                "Works on the data directory's database directly; stop a running 'vigil serve' on the same "
                        + "directory first, or use its /v1/logs API."})
final class LogsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Opens the data directory's database, saying in one line when another process (a running server) holds it:
     * DuckDB lets one process own the file.
     */
    static MonitorDatabase open(Path dataDir) {
        try {
            return MonitorDatabase.open(dataDir);
        } catch (StoreException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Could not set lock") || message.contains("Conflicting lock")) {
                int pid = message.indexOf("(PID ");
                String holder = pid < 0 ? "" : " " + message.substring(pid, message.indexOf(')', pid) + 1);
                throw new UserInputException("the database " + dataDir.resolve(MonitorDatabase.FILE_NAME)
                        + " is in use by another process" + holder + ", probably a running 'vigil serve'; stop it, "
                        + "or send the logs to its POST /v1/logs");
            }
            throw e;
        }
    }
}
