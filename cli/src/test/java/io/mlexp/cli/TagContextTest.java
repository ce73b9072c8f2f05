package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mlexp run --context tag}: the record rule over the tag's commits, whatever is checked out. */
class TagContextTest {
    @TempDir
    Path repo;

    @Test
    void aFirstTagOnAMergeCommitFindsTheRecordItsHistoryNamesWithAnotherBranchCheckedOut() throws Exception {
        git("init", "-q", "-b", "main");
        Files.writeString(repo.resolve(".mlexp.yml"), "version: 1\n");
        git("add", ".mlexp.yml");
        git("commit", "-q", "-m", "feat: the rules");
        git("checkout", "-q", "-b", "exp/small");
        Files.createDirectories(repo.resolve("experiments"));
        Files.createDirectories(repo.resolve("configs"));
        Files.copy(Path.of("..", "examples", "digits", "experiments", "EXP-001.md"), repo.resolve("experiments/EXP-001.md"));
        Files.copy(Path.of("..", "examples", "digits", "configs", "base.yaml"), repo.resolve("configs/base.yaml"));
        git("add", ".");
        git("commit", "-q", "-m", "exp: EXP-001 the baseline");
        git("checkout", "-q", "main");
        git("merge", "-q", "--no-ff", "-m", "Merge branch 'exp/small'", "exp/small");
        git("tag", "-a", "v1.0", "-m", "baseline");
        git("checkout", "-q", "-b", "elsewhere");
        Files.writeString(repo.resolve("notes.txt"), "later\n");
        git("add", ".");
        git("commit", "-q", "-m", "docs: exp: EXP-999 is only an idea");

        var run = CommandRun.in(repo, "run", "--context", "tag", "--tag", "v1.0", "--stages", "record");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("tag v1.0", "IDs named: EXP-001", "record(s): experiments/EXP-001.md")
                .doesNotContain("EXP-999");
    }

    private void git(String... args) throws Exception {
        var command = new ArrayList<>(List.of("git", "-c", "user.name=Ada", "-c", "user.email=ada@example.org",
                "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
