package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user gets who asks for help, or mistypes a command. */
class CommandLineHelpTest {
    @TempDir
    Path dir;

    @Test
    void everySubcommandTakesHelpAndItsListOfCommandsEndsItsSentences() {
        for (var command : new String[][] {{"smoke", "--help"}, {"history", "list", "-h"}, {"check", "commits", "--help"},
                {"record", "new", "--help"}, {"run", "--help"}, {"hooks", "install", "--help"}}) {
            var run = CommandRun.in(dir, command);
            assertThat(run.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(run.out()).as(String.join(" ", command)).startsWith("Usage: mlexp ").doesNotContain("Unknown option");
        }
        var record = CommandRun.in(dir, "record", "--help").out();
        assertThat(record).contains("hyperparameter table against the config the record names");
    }

    @Test
    void aMistypedCommandGetsDidYouMeanAndExitCodeTwo() {
        var run = CommandRun.in(dir, "record", "nwe");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument at index 1: 'nwe'", "did you mean `new`?");
    }
}
