package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VigilCommandTest {

    @Test
    void aGroupsHelpListsEverySubcommandAlthoughOnlyTheNamedBranchIsBuilt() {
        for (Map.Entry<Class<?>, List<Class<?>>> group : VigilCommand.GROUPS.entrySet()) {
            String name = group.getKey().getAnnotation(CommandLine.Command.class).name();
            DetectRunCommandTest.Result r = DetectRunCommandTest.run(name, "--help");
            assertThat(r.code()).as(name).isZero();
            for (Class<?> child : group.getValue()) {
                assertThat(r.out()).as(name).contains(child.getAnnotation(CommandLine.Command.class).name());
            }
        }
    }

    @Test
    void aSubcommandsOwnHelpWorksThroughTheNarrowTree() {
        DetectRunCommandTest.Result r = DetectRunCommandTest.run("detect", "run", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage: vigil detect run").contains("--algorithm");
        assertThat(DetectRunCommandTest.run("help", "detect").out()).contains("algorithms", "visualize");
    }

    @Test
    void anUnknownSubcommandOfAGroupIsABadCommandLine() {
        DetectRunCommandTest.Result r = DetectRunCommandTest.run("detect", "nope");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope");
    }

    @Test
    void everyGroupIsATopLevelSubcommand() {
        assertThat(VigilCommand.SUBCOMMANDS).containsAll(VigilCommand.GROUPS.keySet());
    }

    @Test
    void theVersionNeedsNoSubcommands() {
        for (String flag : new String[] {"--version", "-V"}) {
            DetectRunCommandTest.Result r = DetectRunCommandTest.run(flag);
            assertThat(r.code()).isZero();
            assertThat(r.out()).startsWith("vigil ");
        }
        assertThat(DetectRunCommandTest.run("--help").out()).contains("detect", "serve", "dataset");
    }
}
