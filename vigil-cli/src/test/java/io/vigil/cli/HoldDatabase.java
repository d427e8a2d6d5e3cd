package io.vigil.cli;

import io.vigil.monitor.store.MonitorDatabase;
import java.nio.file.Path;

/** Child process for {@link LogsCommandTest}: opens a data directory's database, says so, and waits to be killed. */
public final class HoldDatabase {
    private HoldDatabase() {
    }

    public static void main(String[] args) throws Exception {
        try (MonitorDatabase db = MonitorDatabase.open(Path.of(args[0]))) {
            System.out.println("HELD");
            System.out.flush();
            System.in.read();
        }
    }
}
