package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void refusesAnOpenAddressWithoutAKeyWithExitCode2() {
        DetectRunCommandTest.Result r = DetectRunCommandTest.run("serve", "--host", "0.0.0.0", "--port", "0",
                "--data-dir", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("refusing to listen on 0.0.0.0").contains("--insecure");
    }

    @Test
    void refusesANonPositiveBodyLimit() {
        DetectRunCommandTest.Result r = DetectRunCommandTest.run("serve", "--port", "0", "--max-body-mb", "0",
                "--data-dir", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--max-body-mb");
    }

    @Test
    void refusesALogGroupSizeOutOfRange() {
        DetectRunCommandTest.Result r = DetectRunCommandTest.run("serve", "--port", "0", "--log-group-size", "1",
                "--data-dir", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--log-group-size must be between 2 and 10000, got 1");
    }

    @Test
    void helpListsTheOptions() {
        DetectRunCommandTest.Result r = DetectRunCommandTest.run("serve", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--host", "--port", "--data-dir", "--max-body-mb", "--insecure", "11540");
    }
}
