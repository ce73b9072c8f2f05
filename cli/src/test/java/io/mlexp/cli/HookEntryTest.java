package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hook command lines skip picocli; every other command line must still reach it. */
class HookEntryTest {
    @TempDir
    Path repo;

    @Test
    void shouldLeaveEveryOtherCommandLineToPicocli() {
        for (var args : new String[][] {
            {"--format", "json", "check", "staged"},
            {"check", "staged", "--help"},
            {"check", "commit-msg", "--help"},
            {"check", "commit-msg", "--comment-char", ";"},
            {"check", "commits", "--exclude", "origin/main"},
            {"check", "commits", "HEAD", "--exclude", "origin/main"},
            {"check", "config"},
            {"smoke", "--help"},
            {"smoke", "--engine"},
            {"smoke", "--engine", "docker"},
            {"smoke", "--engine", "local", "--engine", "embedded"},
            {"smoke", "--check-artifact", "model.pt"},
            {"smoke", "--out", "--engine"},
            {}}) {
            assertThat(HookEntry.run(args, repo)).as(String.join(" ", args)).isEmpty();
        }
    }

    @Test
    void shouldCheckAMessageWithTheCommentCharGitUses() throws Exception {
        Files.createDirectory(repo.resolve(".git"));
        Files.writeString(repo.resolve(".mlexp.yml"), "version: 1\n");
        Files.writeString(repo.resolve("MSG"), "; feature: not a subject, a comment\nfeat: add the loader\n");
        var out = new ByteArrayOutputStream();
        var stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(HookEntry.run(new String[] {"check", "commit-msg", "--comment-char", ";", "MSG"}, repo)).contains(0);
            assertThat(HookEntry.run(new String[] {"check", "commit-msg", "MSG"}, repo)).contains(1);
        } finally {
            System.setOut(stdout);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("MSG:1:1: error:").contains("[commit-format]", "[commit-body-separator]");
    }

    @Test
    void theCommitMsgHookWeighsFindingsAsTheTeamsRulesSay() throws Exception {
        Files.createDirectory(repo.resolve(".git"));
        Files.writeString(repo.resolve(".mlexp.yml"), "version: 1\nrules:\n  commit-wip: warning\n");
        Files.writeString(repo.resolve("MSG"), "feat: WIP add the loader\n");
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        assertThat(HookEntry.run(new String[] {"check", "commit-msg", "MSG"}, repo, out, err)).contains(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("warning:", "[commit-wip]").doesNotContain("error:");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void shouldRunTheSmokeCommandLineOfEveryPushWithoutPicocli() throws Exception {
        Files.createDirectory(repo.resolve(".git"));
        Files.writeString(repo.resolve(".mlexp.yml"), """
                version: 1
                smoke:
                  command: 'printf "{\\"step\\": 1, \\"loss\\": 2}\\n{\\"step\\": 2, \\"loss\\": 1}\\n" >> "$MLEXP_METRICS"'
                """);
        var out = new ByteArrayOutputStream();
        var stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(HookEntry.run(new String[] {"smoke", "--out", "results", "--engine", "LOCAL"}, repo)).contains(0);
        } finally {
            System.setOut(stdout);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("engine: local (as chosen)", "loss                        2",
                "smoke (local) in ", "results/smoke.json");
        assertThat(repo.resolve("results/smoke.json")).exists();
    }

    @Test
    void shouldExitThreeWithAClearMessageOutsideARepository() throws Exception {
        var err = new ByteArrayOutputStream();
        var stderr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(HookEntry.run(new String[] {"check", "staged"}, repo)).contains(3);
        } finally {
            System.setErr(stderr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("mlexp: ");
    }
}
