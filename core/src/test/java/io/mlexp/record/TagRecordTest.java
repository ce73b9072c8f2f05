package io.mlexp.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.config.RecordConfig;
import io.mlexp.git.CommitLog;
import io.mlexp.git.GitCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tag rule reads the commits a tag's report lists: from the tag before it, or all of history for a first tag. */
class TagRecordTest {
    @TempDir
    Path dir;
    private GitCli git;

    @BeforeEach
    void history() throws Exception {
        git = GitCli.init(dir);
        git.commit("a.txt", "feat: a base model");
        git.run("checkout", "-q", "-b", "exp/small");
        Files.createDirectories(dir.resolve("experiments"));
        Files.copy(Path.of("..", "examples", "digits", "experiments", "EXP-001.md"), dir.resolve("experiments/EXP-001.md"));
        Files.createDirectories(dir.resolve("configs"));
        Files.copy(Path.of("..", "examples", "digits", "configs", "base.yaml"), dir.resolve("configs/base.yaml"));
        git.run("add", "experiments", "configs");
        git.commit("b.txt", "exp: EXP-001 a smaller hidden layer");
        git.run("checkout", "-q", "main");
        git.commit("c.txt", "docs: the data");
        git.run("merge", "-q", "--no-ff", "-m", "Merge branch 'exp/small'", "exp/small");
        git.run("tag", "-a", "v1.0", "-m", "baseline accuracy 0.91");
        git.commit("d.txt", "fix: the loader");
        git.run("tag", "-a", "v1.1", "-m", "loader fix");
    }

    @Test
    void aFirstTagOnAMergeFindsTheIdsOfAllItsHistory() {
        var outcome = new NamedRecordCheck(RecordConfig.defaults()).checkTag(dir, "refs/tags/v1.0");

        assertThat(outcome.namedBy()).containsOnlyKeys("EXP-001");
        assertThat(outcome.records()).containsExactly("experiments/EXP-001.md");
        assertThat(outcome.findings()).noneMatch(finding -> finding.isError());
    }

    @Test
    void aLaterTagReadsOnlyTheCommitsSinceThePreviousTag() throws Exception {
        assertThat(CommitLog.previousTag(dir, "refs/tags/v1.1")).hasValue(git.run("rev-parse", "v1.0^{commit}").strip());
        assertThat(CommitLog.previousTag(dir, "refs/tags/v1.0")).isEmpty();

        var outcome = new NamedRecordCheck(RecordConfig.defaults()).checkTag(dir, "refs/tags/v1.1");

        assertThat(outcome.namedBy()).isEmpty();
        assertThat(outcome.summary()).isEqualTo("the commits name no experiment ID; no record to check");
    }
}
