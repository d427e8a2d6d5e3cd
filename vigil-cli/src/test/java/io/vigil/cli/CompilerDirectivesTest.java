package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The compiler directives ./vigil passes to the JVM for 'vigil detect': a file the JVM refuses stops every run. */
class CompilerDirectivesTest {
    private static final Path FILE = Path.of("src/main/jvm/detect-compiler-directives.json");

    @Test
    void theJvmAcceptsTheDetectDirectives() throws IOException, InterruptedException {
        assertThat(FILE).exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-XX:+UnlockDiagnosticVMOptions",
                "-XX:CompilerDirectivesFile=" + FILE.toAbsolutePath(), "-version").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("1 compiler directives added");
    }

    @Test
    void theLauncherUsesTheFileOnlyForDetect() throws IOException {
        String launcher = Files.readString(Path.of("..", "vigil"));
        assertThat(launcher).contains("vigil-cli/" + FILE).contains("[ \"${1:-}\" = detect ]");
    }
}
