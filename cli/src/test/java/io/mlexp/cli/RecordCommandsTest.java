package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** record new, check and render, and check record, as a user types them. */
class RecordCommandsTest {
    private static final PersonIdent ADA = new PersonIdent("Ada", "ada@example.org");

    @TempDir
    Path repo;

    @Test
    void shouldWriteCheckAndRenderARecord() throws Exception {
        Files.createDirectory(repo.resolve(".git"));
        Files.writeString(repo.resolve(".mlexp.yml"), "version: 1\n");
        Files.createDirectories(repo.resolve("configs"));
        Files.writeString(repo.resolve("configs/base.yaml"), "lr: 0.001\nbatch_size: 64\n");

        var created = CommandRun.in(repo.resolve("configs"), "record", "new", "--config", "base.yaml");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).startsWith("wrote experiments/EXP-001.md: fill in each section");
        var record = repo.resolve("experiments/EXP-001.md");
        assertThat(Files.readString(record)).startsWith("---\nconfig: configs/base.yaml\n---\n# EXP-001: ")
                .contains("| batch_size | 64 |");

        var unfinished = CommandRun.in(repo, "record", "check");

        assertThat(unfinished.exitCode()).isEqualTo(1);
        assertThat(unfinished.out()).contains("experiments/EXP-001.md:6:1: error: the section 'Goal' is empty")
                .endsWith("checked 1 record: 4 problem(s)\n");

        Files.writeString(record, Files.readString(record)
                .replaceAll("<!-- [^>]* -->", "Written.")
                .replace("| batch_size | 64 |", "| batch_size | 32 |"));
        var mismatch = CommandRun.in(repo, "record", "check", "experiments/EXP-001.md");

        assertThat(mismatch.exitCode()).isEqualTo(1);
        assertThat(mismatch.out()).contains("'batch_size' is '32' here but '64' in configs/base.yaml:2:13");

        var page = CommandRun.in(repo, "record", "render", "experiments/EXP-001.md", "--out", "preview/EXP-001.html");

        assertThat(page.exitCode()).isZero();
        assertThat(Files.readString(repo.resolve("preview/EXP-001.html"))).startsWith("<!DOCTYPE html>")
                .contains("<th align=\"left\">Parameter</th>");
    }

    @Test
    void shouldRefuseToOverwriteAndExitTwo() throws Exception {
        Files.createDirectory(repo.resolve(".git"));
        Files.writeString(repo.resolve(".mlexp.yml"), "version: 1\n");
        Files.createDirectories(repo.resolve("experiments"));
        Files.writeString(repo.resolve("experiments/EXP-004.md"), "draft");

        var run = CommandRun.in(repo, "record", "new", "--id", "EXP-004");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("EXP-004.md: error: exists already; nothing was written");
        assertThat(Files.readString(repo.resolve("experiments/EXP-004.md"))).isEqualTo("draft");
    }

    @Test
    void shouldApplyThePullRequestRule() throws Exception {
        try (var git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repo.resolve(".mlexp.yml"), "version: 1\n");
            Files.writeString(repo.resolve("train.py"), "print(1)\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("chore: start").setAuthor(ADA).setCommitter(ADA).setSign(false).call();
            git.checkout().setCreateBranch(true).setName("change").call();
            Files.writeString(repo.resolve("train.py"), "print(2)\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("feat: two").setAuthor(ADA).setCommitter(ADA).setSign(false).call();
        }

        var run = CommandRun.in(repo, "check", "record", "--base", "main");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("main..HEAD: error: this change touches training code or configs (train.py)")
                .contains("1 changed file(s) need a record (train.py); no record: 1 problem(s)");
    }

    @Test
    void aTeamCanSoftenThePullRequestRuleToAWarningWhileItAdoptsRecords() throws Exception {
        shouldApplyThePullRequestRule();
        Files.writeString(repo.resolve(".mlexp.yml"), "version: 1\nrules:\n  record-required: warning\n");

        var run = CommandRun.in(repo, "check", "record", "--base", "main");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("main..HEAD: warning: this change touches training code or configs (train.py)");
    }
}
