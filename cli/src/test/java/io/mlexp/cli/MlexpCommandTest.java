package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlexpCommandTest {
    @TempDir
    Path repo;

    @Test
    void shouldPrintTheVersionAndHelpWithTheExitCodes() {
        assertThat(CommandRun.in(repo, "--version").out()).startsWith("mlexp ");
        var help = CommandRun.in(repo, "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("init", "check", "record", "smoke", "report", "history", "run", "demo", "hooks")
                .contains("Exit codes:", "2   bad input or configuration");
    }

    @Test
    void shouldValidateAGoodConfig() throws IOException {
        write(".mlexp.yml", "version: 1\n");

        var run = CommandRun.in(repo, "--repo", repo.toString(), "check", "config");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("ok: .mlexp.yml is valid (version 1)\n");
    }

    @Test
    void shouldExitTwoWithFileLineAndColumnForAnUnknownKey() throws IOException {
        write(".mlexp.yml", "version: 1\nfiles:\n  max-sise: 5MB\n");

        var run = CommandRun.in(repo, "--repo", repo.toString(), "check", "config");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(".mlexp.yml:3:3: error: unknown key 'files.max-sise' [config-unknown-key]"
                + " (did you mean `max-size`?)\n");
    }

    @Test
    void shouldExitTwoWithFileLineAndColumnForAWrongType() throws IOException {
        write(".mlexp.yml", "version: 1\nsmoke:\n  embedded:\n    steps: many\n");

        var run = CommandRun.in(repo, "--repo", repo.toString(), "check", "config");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith(".mlexp.yml:4:12: error: smoke.embedded.steps: expected a whole number, found the text 'many'");
    }

    @Test
    void shouldExitTwoForAYamlBombWithoutAStackTrace() throws IOException {
        var bomb = new StringBuilder("version: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char level = 'b'; level <= 'k'; level++) {
            var previous = "*" + (char) (level - 1);
            bomb.append(level).append(": &").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, previous))).append("]\n");
        }
        write(".mlexp.yml", bomb.toString());

        var run = CommandRun.in(repo, "--repo", repo.toString(), "check", "config");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).matches("(?s)\\.mlexp\\.yml:\\d+:\\d+: error: the document expands to more than 100000 values.*")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void shouldExitTwoForAMissingConfigAndSayHowToCreateOne() {
        var run = CommandRun.in(repo, "--repo", repo.toString(), "check", "config");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(".mlexp.yml: error: no mlexp config here; run 'mlexp init'");
    }

    @Test
    void shouldExitThreeOutsideAGitRepository() {
        var run = CommandRun.in(repo, "check", "config");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("not inside a Git repository").contains("--repo DIR");
    }

    @Test
    void shouldFindTheGitRootFromASubdirectory() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        write(".mlexp.yml", "version: 1\n");
        var subdirectory = Files.createDirectories(repo.resolve("src/models"));

        assertThat(CommandRun.in(subdirectory, "check", "config").exitCode()).isZero();
    }

    @Test
    void shouldExitTwoForAnUnknownOptionOrCommand() {
        assertThat(CommandRun.in(repo, "--colour").exitCode()).isEqualTo(2);
        assertThat(CommandRun.in(repo, "frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void shouldKeepTheReportFormatsToTheReportCommand() throws IOException {
        write(".mlexp.yml", "version: 1\n");

        var run = CommandRun.in(repo, "--repo", repo.toString(), "--format", "html", "check", "config");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--format html is for 'mlexp report' (markdown also for 'mlexp experiments'); here use text or json");
        assertThat(CommandRun.in(repo, "--repo", repo.toString(), "--format", "markdown", "experiments").exitCode()).isZero();
    }

    @Test
    void initOutsideARepositoryWritesNothingAndSaysWhatToDo() {
        var run = CommandRun.in(repo, "init");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("not inside a Git repository", "run 'git init' first, or name the repository with --repo DIR");
        assertThat(repo.resolve(".mlexp.yml")).doesNotExist();
    }

    @Test
    void installingHooksWithoutAConfigSaysToWriteOne() throws Exception {
        org.eclipse.jgit.api.Git.init().setDirectory(repo.toFile()).call().close();

        var run = CommandRun.in(repo, "hooks", "install");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("there is no " + repo.resolve(".mlexp.yml") + " yet", "'mlexp init'");
    }

    @Test
    void shouldWriteTheCommentedDefaultsAndNeverOverwrite() throws IOException {
        var first = CommandRun.in(repo, "--repo", repo.toString(), "init");

        assertThat(first.exitCode()).isZero();
        assertThat(Files.readString(repo.resolve(".mlexp.yml"))).startsWith("# mlexp rules").contains("version: 1");
        assertThat(CommandRun.in(repo, "--repo", repo.toString(), "check", "config").exitCode()).isZero();

        write(".mlexp.yml", "version: 1\n# mine\n");
        var second = CommandRun.in(repo, "--repo", repo.toString(), "init");

        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(second.err()).contains("already exists");
        assertThat(Files.readString(repo.resolve(".mlexp.yml"))).isEqualTo("version: 1\n# mine\n");
    }

    @Test
    void shouldReportAnIncompleteRunWithExitThree() throws IOException {
        // a smoke engine this machine cannot start: the stage cannot run, and the run is incomplete, not failed
        write(".mlexp.yml", "version: 1\nsmoke:\n  engine: container\n  cli: podman\n  image: \"example/trainer:1.0\"\n  pin: tag\n");

        var run = CommandRun.in(repo, "--repo", repo.toString(), "run", "--context", "tag", "--tag", "v1",
                "--stages", "config,smoke", "--format", "json");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("\"context\" : \"tag\"", "\"status\" : \"passed\"", "\"status\" : \"not_available\"");
        assertThat(run.err()).contains("incomplete");
    }

    @Test
    void shouldRunOnlyTheChosenStages() throws IOException {
        write(".mlexp.yml", "version: 1\n");

        var run = CommandRun.in(repo, "--repo", repo.toString(), "run", "--context", "branch", "--stages", "config");

        assertThat(run.exitCode()).isZero();
        assertThat(CommandRun.in(repo, "--repo", repo.toString(), "run", "--stages", "smok").err())
                .contains("unknown stage 'smok'; did you mean `smoke`?");
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(repo.resolve(name), text);
    }
}
