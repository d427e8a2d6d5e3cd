package io.vigil.cli;

import io.vigil.workflow.Workflow;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** {@code --data-dir}, as {@code vigil serve} reads it: the workflow commands work in-process on the same files. */
final class DataDirOption {
    @Option(names = "--data-dir", defaultValue = "${env:VIGIL_DATA_DIR:-${sys:user.home}/.vigil}", paramLabel = "DIR",
            description = "Data directory; datasets, detectors and runs live under DIR/workflow (env VIGIL_DATA_DIR; "
                    + "default: ~/.vigil).")
    Path dataDir;

    Workflow open() {
        return Workflow.open(dataDir, Clock.systemUTC());
    }
}
