package io.mlexp.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.run.ExperimentRun;
import io.mlexp.run.StageResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "digits");

    @Test
    void shouldCreateARealisticHistory(@TempDir Path dir) throws Exception {
        ExampleProject.copy(EXAMPLE, dir);

        DemoRepository.create(dir);

        try (var git = Git.open(dir.toFile())) {
            var repository = git.getRepository();
            var subjects = new ArrayList<String>();
            git.log().add(repository.resolve(DemoRepository.BRANCH)).call().forEach(c -> subjects.add(c.getShortMessage()));
            assertThat(subjects).containsExactly(
                    "exp(model): EXP-002 try a hidden layer of 64 units",
                    "feat(export): write the TorchScript model for the embedded engine",
                    "[exp] EXP-001 baseline MLP on synthetic digits",
                    "feat(model): add the digits classifier and its training loop",
                    "chore: start the digits project");
            assertThat(repository.resolve("refs/tags/" + DemoRepository.TAG + "^{commit}"))
                    .isEqualTo(repository.resolve(DemoRepository.MAIN));
            assertThat(git.status().call().isClean()).isTrue();
            RevCommit first = git.log().add(repository.resolve(DemoRepository.MAIN)).call().iterator().next();
            assertThat(first.getAuthorIdent().getName()).isEqualTo("Ada Lovelace");
        }
    }

    @Test
    void shouldRunEveryContextAndWriteTheReport(@TempDir Path dir) throws IOException {
        var messages = new ArrayList<String>();

        var outcome = new Demo(ExperimentRun.standard(), messages::add).run(dir.resolve("out"), target -> ExampleProject.copy(EXAMPLE, target));

        assertThat(outcome.runs()).extracting(run -> run.context().describe())
                .containsExactly("tag v1.0", "branch push main..exp/small-hidden", "pull request main...exp/small-hidden");
        assertThat(outcome.runs()).allSatisfy(run -> assertThat(run.stages().get(0).status()).isEqualTo(StageResult.Status.PASSED));
        assertThat(outcome.report()).exists().content().contains("<h2>pull request main...exp/small-hidden</h2>");
        assertThat(messages).anyMatch(m -> m.startsWith("Running the tag v1.0"));
    }
}
