package io.mlexp.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlexp.check.EnvironmentException;
import io.mlexp.check.Finding;
import io.mlexp.config.RecordConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each branch of the pull-request rule, on a real repository: main, and a change branched from it. */
class PullRequestRecordCheckTest {
    private static final PersonIdent ADA = new PersonIdent("Ada", "ada@example.org");
    private static final String VALID_RECORD = """
            ---
            config: configs/base.yaml
            ---
            # %s: wider hidden layer

            ## Goal
            Try 256 units.

            ## Hypothesis
            One point better.

            ## Hyperparameters
            | Parameter | Value |
            |:----------|:------|
            | lr        | %s    |

            ## Results
            0.92

            ## Conclusion
            Keep it.
            """;

    @TempDir
    Path dir;

    private Git git;
    private final PullRequestRecordCheck rule = new PullRequestRecordCheck(RecordConfig.defaults());

    @BeforeEach
    void mainBranch() throws Exception {
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        commit("chore: start", Map.of(".mlexp.yml", "version: 1\n", "configs/base.yaml", "lr: 0.001\n",
                "train.py", "print('train')\n", "experiments/EXP-001.md", VALID_RECORD.formatted("EXP-001", "0.001")));
        git.checkout().setCreateBranch(true).setName("change").call();
    }

    @AfterEach
    void close() {
        git.close();
    }

    @Test
    void shouldNotAskForARecordWhenNoTrainingCodeChanged() throws Exception {
        commit("docs: explain the loader", Map.of("README.md", "# digits\n"));

        var outcome = rule.check(dir, "main", "HEAD");

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.summary()).isEqualTo("no training code or config changed; no record needed");
    }

    @Test
    void shouldRefuseTrainingChangesWithoutARecordAndNameTheFiles() throws Exception {
        commit("feat: cosine schedule", Map.of("train.py", "print('cosine')\n", "configs/base.yaml", "lr: 0.002\n"));

        var outcome = rule.check(dir, "main", "HEAD");

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.findings()).extracting(Finding::format).singleElement().asString()
                .startsWith("main..HEAD: error: this change touches training code or configs (configs/base.yaml, train.py)"
                        + " but adds or changes no experiment record under experiments/ [record-required]");
    }

    @Test
    void shouldAcceptTrainingChangesWithAValidRecord() throws Exception {
        commit("feat: wider layer", Map.of("train.py", "print('wide')\n",
                "experiments/EXP-002.md", VALID_RECORD.formatted("EXP-002", "1e-3")));

        var outcome = rule.check(dir, "main", "HEAD");

        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.summary()).isEqualTo("1 changed file(s) need a record (train.py); record(s): experiments/EXP-002.md");
    }

    @Test
    void shouldCountANotebookRecordAndJudgeItsCellsAtHead() throws Exception {
        var record = VALID_RECORD.formatted("EXP-003", "0.01").replaceFirst("(?s)^---.*?---\n", "");
        var cells = record.split("(?=## Hyperparameters)");
        commit("feat: notebook study", Map.of("train.py", "print('nb')\n", "experiments/EXP-003.ipynb",
                new NotebookJson().markdown(cells[0]).markdown("config: configs/base.yaml\n\n" + cells[1]).json()));

        var outcome = rule.check(dir, "main", "HEAD");

        assertThat(outcome.summary()).endsWith("record(s): experiments/EXP-003.ipynb");
        assertThat(outcome.findings()).extracting(Finding::ruleId).contains("record-config-unnamed");
    }

    @Test
    void shouldValidateTheRecordAgainstTheConfigAtHead() throws Exception {
        commit("feat: higher rate", Map.of("configs/base.yaml", "lr: 0.01\n",
                "experiments/EXP-002.md", VALID_RECORD.formatted("EXP-002", "0.001")));
        Files.writeString(dir.resolve("configs/base.yaml"), "lr: 0.001\n"); // the working tree must not count

        var outcome = rule.check(dir, "main", "HEAD");

        assertThat(outcome.findings()).extracting(Finding::format).singleElement().asString()
                .startsWith("experiments/EXP-002.md:15:15: error: 'lr' is '0.001' here but '0.01' in configs/base.yaml:1:5");
    }

    @Test
    void shouldReportTheReasonOfAnOptOut() throws Exception {
        commit("refactor: rename a variable\n\nExperiment-Record: none - a rename, no behaviour changes\n",
                Map.of("train.py", "print('train') # renamed\n"));

        var outcome = rule.check(dir, "main", "HEAD");

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.summary()).startsWith("1 changed file(s) need a record (train.py); opted out: "
                + "a rename, no behaviour changes (commit ");
    }

    @Test
    void shouldRefuseAnOptOutWithoutAReason() throws Exception {
        commit("refactor: rename\n\nExperiment-Record: none\n", Map.of("train.py", "print(1)\n"));

        assertThat(rule.check(dir, "main", "HEAD").findings()).extracting(Finding::ruleId)
                .containsExactly("record-opt-out-reason", "record-required");
    }

    @Test
    void shouldRefuseARecordThatReusesAnId() throws Exception {
        commit("feat: wide", Map.of("train.py", "print(2)\n",
                "experiments/wide/EXP-001.md", VALID_RECORD.formatted("EXP-001", "0.001")));

        assertThat(rule.check(dir, "main", "HEAD").findings()).extracting(Finding::ruleId)
                .containsExactly("record-id-duplicate");
    }

    @Test
    void shouldJudgeOnlyWhatTheChangeBringsNotWhatMainDidSince() throws Exception {
        commit("docs: readme", Map.of("README.md", "x\n"));
        git.checkout().setName("main").call();
        commit("feat: main moved on", Map.of("train.py", "print('main')\n"));

        assertThat(rule.check(dir, "main", "change").failed()).isFalse();
    }

    @Test
    void shouldSayHowToFetchMoreHistoryWhenTheBaseIsMissing() {
        assertThatThrownBy(() -> rule.check(dir, "0123456789abcdef0123456789abcdef01234567", "HEAD"))
                .isInstanceOf(EnvironmentException.class).hasMessageContaining("git fetch --deepen");
    }

    private void commit(String message, Map<String, String> files) throws Exception {
        for (var file : files.entrySet()) {
            var path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
            git.add().addFilepattern(file.getKey()).call();
        }
        git.commit().setMessage(message).setAuthor(ADA).setCommitter(ADA).setSign(false).call();
    }
}
