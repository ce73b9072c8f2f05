package io.mlexp.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.run.ExperimentRun;
import io.mlexp.run.StageResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import io.mlexp.check.Finding;
import io.mlexp.run.RunResult;
import io.mlexp.run.SmokeStage;
import io.mlexp.smoke.EmbeddedEngine;
import io.mlexp.smoke.ScriptedTrainer;
import java.nio.file.Files;
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
        DemoRepository.branch(dir);

        try (var git = Git.open(dir.toFile())) {
            var repository = git.getRepository();
            var subjects = new ArrayList<String>();
            git.log().add(repository.resolve(DemoRepository.BRANCH)).call().forEach(c -> subjects.add(c.getShortMessage()));
            assertThat(subjects).containsExactly(
                    "exp(model): EXP-002 try a hidden layer of 64 units",
                    "exp(train): EXP-003 a warmer learning rate, recorded in a notebook",
                    "feat(export): write the TorchScript model for the embedded engine",
                    "[exp] EXP-001 baseline MLP on synthetic digits",
                    "feat(model): add the digits classifier and its training loop",
                    "chore: start the digits project");
            assertThat(repository.resolve("refs/tags/v1.1^{commit}")).isEqualTo(repository.resolve(DemoRepository.MAIN));
            assertThat(repository.resolve("refs/tags/v1.0^{commit}")).isEqualTo(repository.resolve(DemoRepository.MAIN + "~1"));
            assertThat(Files.readString(dir.resolve("configs/smoke.yaml"))).as("the branch changes what the smoke run trains")
                    .contains("lr: 0.01\n");
            assertThat(git.status().call().isClean()).isTrue();
            RevCommit first = git.log().add(repository.resolve(DemoRepository.MAIN)).call().iterator().next();
            assertThat(first.getAuthorIdent().getName()).isEqualTo("Ada Lovelace");
        }
    }

    @Test
    void shouldRunEveryContextAndWriteTheReport(@TempDir Path dir) throws IOException {
        var messages = new ArrayList<String>();

        var training = new ArrayList<String>();
        var embedded = SmokeStage.of((smoke, repository, output) -> new EmbeddedEngine(new ScriptedTrainer())
                .run(smoke, repository, output, "scripted", training::add));

        var outcome = new Demo(ExperimentRun.standard(embedded), messages::add).run(dir.resolve("out"),
                target -> ExampleProject.copy(EXAMPLE, target));

        assertThat(outcome.runs()).extracting(run -> run.context().describe()).containsExactly("tag v1.0", "tag v1.1", "tag v1.2",
                "branch push main..exp/small-hidden", "pull request main...exp/small-hidden");
        assertThat(outcome.runs()).as(outcome.runs().toString()).extracting(RunResult::failed)
                .containsExactly(false, false, true, false, false);
        assertThat(outcome.asPlanned()).as("only the planted claim fails").isTrue();
        assertThat(outcome.runs().get(2).stages()).flatExtracting(StageResult::findings).filteredOn(Finding::isError)
                .extracting(Finding::format).containsExactly("refs/tags/v1.2:1:49: error: claims eval_accuracy 95%, but v1.2 (commit "
                        + DemoRepository.commitOf(outcome.repository(), "v1.2").substring(0, 7) + ") measured eval_accuracy 0.9241"
                        + " (92.41%) [claim-metric-mismatch] (write what was measured, or set record.claims (absolute 0.005, relative"
                        + " 0.0) if the difference is noise)");
        assertThat(Files.readString(outcome.repository().resolve("experiments/EXP-001.md")))
                .contains("| eval_accuracy | 0.91 |\n| loss | 0.19 |\n\nMeasured at tag `v1.0`");
        assertThat(training.stream().filter(line -> line.startsWith("training model.pt")).map(line -> line.replaceAll(".*\\(lr ([0-9.]+) .*", "$1")))
                .as("the smoke config's rate: v1.0, v1.1, v1.2, the branch twice").containsExactly("0.001", "0.003", "0.003", "0.01", "0.01");
        assertThat(outcome.experiments().rows()).extracting(row -> row.cell("id")).as("the table of main").containsExactly("EXP-001", "EXP-003");
        assertThat(outcome.report()).exists().content().contains("<h2>pull request main...exp/small-hidden</h2>")
                .contains("<table class=\"experiments sortable\" id=\"experiments\">");
        assertThat(messages).anyMatch(m -> m.startsWith("Running the tag v1.0"));
    }
}
