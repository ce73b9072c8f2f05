package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records, configs and the history named so that they lead out of the repository ({@code ..},
 * absolute paths, symbolic links) are refused, and nothing outside is read or written.
 */
class PathEscapeTest {
    private static final String SECRET = "SECRET-OUTSIDE-THE-REPOSITORY";

    @TempDir
    Path dir;

    private Path repo;
    private Path outside;

    @BeforeEach
    void repository() throws Exception {
        repo = Files.createDirectories(dir.resolve("repo"));
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.md"), "# EXP-009: " + SECRET + "\n");
        Files.writeString(outside.resolve("secret.yaml"), "lr: " + SECRET + "\n");
        Git.init().setDirectory(repo.toFile()).call().close();
        Files.writeString(repo.resolve(".mlexp.yml"), "version: 1\nconfigs:\n  required: [\"configs/*.yaml\"]\n  required-keys: [lr]\n");
    }

    @Test
    void aRecordNamedOutsideTheRepositoryIsRefused() throws Exception {
        Files.createDirectories(repo.resolve("experiments"));
        Files.createSymbolicLink(repo.resolve("experiments/EXP-002.md"), outside.resolve("secret.md"));

        for (var named : new String[] {outside.resolve("secret.md").toString(), "../outside/secret.md", "experiments/EXP-002.md"}) {
            var run = CommandRun.in(repo, "record", "check", named);

            assertThat(run.exitCode()).as(named).isEqualTo(2);
            assertThat(run.err()).as(named).contains("is outside the repository", "[path-escape]");
            assertThat(run.out() + run.err()).doesNotContain(SECRET);
        }
        var all = CommandRun.in(repo, "record", "check");
        assertThat(all.out() + all.err()).as("a linked record is not listed").doesNotContain(SECRET);
    }

    @Test
    void aRecordDirectoryOrHistoryThatLinksOutIsRefused() throws Exception {
        Files.createSymbolicLink(repo.resolve("experiments"), outside);
        Files.createDirectories(repo.resolve(".mlexp"));
        Files.createSymbolicLink(repo.resolve(".mlexp/history"), outside);

        var records = CommandRun.in(repo, "record", "check");
        var history = CommandRun.in(repo, "history", "list");
        var newRecord = CommandRun.in(repo, "record", "new", "--id", "EXP-010");

        assertThat(records.exitCode()).isEqualTo(2);
        assertThat(records.err()).contains(".mlexp.yml: error: record.dir: 'experiments' leads outside the repository through a symbolic link");
        assertThat(history.exitCode()).isEqualTo(2);
        assertThat(history.err()).contains("publish.history: '.mlexp/history' leads outside the repository");
        assertThat(newRecord.exitCode()).isEqualTo(2);
        assertThat(outside.resolve("EXP-010.md")).doesNotExist();
    }

    @Test
    void aTrackedConfigThatLinksOutIsNotRead() throws Exception {
        Files.createDirectories(repo.resolve("configs"));
        Files.createSymbolicLink(repo.resolve("configs/train.yaml"), outside.resolve("secret.yaml"));
        try (var git = Git.open(repo.toFile())) {
            git.add().addFilepattern("configs/train.yaml").call();
        }

        var run = CommandRun.in(repo, "check", "configs");

        assertThat(run.out() + run.err()).doesNotContain(SECRET);
        assertThat(run.exitCode()).isEqualTo(1); // the link is not a config, so none is there
    }

    @Test
    void aLinkedRecordRulesFileOrHistoryFileIsNeitherReadNorWrittenThrough() throws Exception {
        Files.createDirectories(repo.resolve("experiments"));
        Files.createSymbolicLink(repo.resolve("experiments/EXP-001.md"), outside.resolve("secret.md"));
        Files.createDirectories(repo.resolve(".mlexp/history"));
        var target = Files.writeString(outside.resolve("history.jsonl"), "");
        Files.createSymbolicLink(repo.resolve(".mlexp/history/history.jsonl"), target);
        Files.writeString(repo.resolve("m.jsonl"), "{\"step\": 1, \"loss\": 0.5}\n");

        var render = CommandRun.in(repo, "record", "render", "experiments/EXP-001.md", "--out", "page.html");
        var append = CommandRun.in(repo, "history", "append", "--tag", "v1.0", "--commit", "abcdef1", "--metrics", "m.jsonl");
        Files.delete(repo.resolve(".mlexp.yml"));
        Files.createSymbolicLink(repo.resolve(".mlexp.yml"), outside.resolve("secret.yaml"));
        var config = CommandRun.in(repo, "check", "config");

        assertThat(render.exitCode()).isEqualTo(2);
        assertThat(render.err()).contains("experiments/EXP-001.md: error: leads outside the repository through a symbolic link");
        assertThat(repo.resolve("page.html")).doesNotExist();
        assertThat(append.exitCode()).isEqualTo(2);
        assertThat(append.err()).contains("is a symbolic link");
        assertThat(Files.readString(target)).isEmpty();
        assertThat(config.exitCode()).isEqualTo(2);
        assertThat(config.err()).contains(".mlexp.yml: error: leads outside the repository");
        for (var run : java.util.List.of(render, append, config)) {
            assertThat(run.out() + run.err()).doesNotContain(SECRET);
        }
    }
}
