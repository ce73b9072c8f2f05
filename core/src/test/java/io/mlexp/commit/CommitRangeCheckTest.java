package io.mlexp.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.mlexp.check.EnvironmentException;
import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.config.MlexpConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitRangeCheckTest {
    private static final PersonIdent ADA = new PersonIdent("Ada", "ada@example.org");

    @TempDir
    Path dir;

    private final CommitRangeCheck check = new CommitRangeCheck(
            new CommitRules(MlexpConfig.defaults().commits(), MlexpConfig.defaults().record()));
    private Git git;

    @BeforeEach
    void createHistoryWithABranchMergeAndRevert() throws Exception {
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        commit("a.txt", "chore: start");
        git.tag().setName("base").call();
        git.checkout().setCreateBranch(true).setName("topic").call();
        commit("b.txt", "feature: add b");
        commit("c.txt", "feat: add c");
        git.checkout().setName("main").call();
        commit("d.txt", "fix: repair d");
        git.merge().include(git.getRepository().resolve("topic")).setFastForward(MergeCommand.FastForwardMode.NO_FF)
                .setMessage("Merge branch 'topic'").call();
        var bad = commit("e.txt", "WIP");
        git.revert().include(bad).call();
        commit("f.txt", "exp: try something");
    }

    @Test
    void shouldCheckEveryCommitOfTheRangeAndSkipMergesAndReverts() {
        var result = check.check(dir, "base..main", List.of());

        assertThat(result.checked()).isEqualTo(5);
        assertThat(result.skipped()).isEqualTo(2);
        assertThat(result.findings()).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("commit-experiment-id", "commit-wip", "commit-type"); // "WIP" is one finding
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.location().file()).matches("commit [0-9a-f]{7}"));
    }

    @Test
    void shouldLeaveOutExcludedHistory() {
        var result = check.check(dir, "main", List.of("topic", "base"));

        assertThat(result.checked()).isEqualTo(3);
        assertThat(check.checkCommit(dir, "main").checked()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnUnknownRevisionAsBadInput() {
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> check.check(dir, "nope..main", List.of()))
                .withMessageContaining("unknown revision 'nope'");
    }

    @Test
    void shouldExplainHowToFetchMoreHistoryInAShallowClone(@TempDir Path clones) throws Exception {
        var base = git.getRepository().resolve("base").name();
        var shallow = clones.resolve("shallow");
        var clone = new ProcessBuilder("git", "clone", "-q", "--depth", "2", "file://" + dir, shallow.toString())
                .redirectErrorStream(true).start();
        clone.getInputStream().readAllBytes();
        assertThat(clone.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(shallow.resolve(".git/shallow"))).isTrue();

        assertThatExceptionOfType(EnvironmentException.class).isThrownBy(() -> check.check(shallow, base + "..HEAD", List.of()))
                .withMessageContaining("is not in this clone, which is shallow")
                .withMessageContaining("git fetch --unshallow");
    }

    private org.eclipse.jgit.revwalk.RevCommit commit(String file, String message) throws Exception {
        Files.writeString(dir.resolve(file), file);
        git.add().addFilepattern(file).call();
        return git.commit().setMessage(message).setAuthor(ADA).setCommitter(ADA).setSign(false).call();
    }
}
