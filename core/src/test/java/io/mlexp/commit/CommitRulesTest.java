package io.mlexp.commit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.check.Finding;
import io.mlexp.config.ConfigLoader;
import io.mlexp.config.MlexpConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommitRulesTest {
    private final CommitRules rules = rules(MlexpConfig.defaults());

    @ParameterizedTest
    @ValueSource(strings = {
        "feat: add a data loader",
        "fix(train)!: stop the loss from going NaN",
        "data(cifar): add the v2 split",
        "exp: EXP-024 try a cosine schedule",
        "[exp] EXP-024 try a cosine schedule",
        "[model] swap the head for a linear probe",
        "docs: explain the record template...",
        "feat: add loader\n\nLonger explanation of the loader,\nwrapped at a sane width.\n\nRefs: #12",
        "Merge branch 'main' into exp/small",
        "Merge pull request #7 from team/exp",
        "Revert \"feat: add loader\"",
        "Revert \"feat: add loader\" (#12)",
        "Reapply \"feat: add loader\" (#1234)",
        "fixup! feat: add loader",
        "chore: remove the swipe gesture"
    })
    void shouldAcceptGoodMessages(String message) {
        assertThat(check(message)).isEmpty();
    }

    @Test
    void shouldSuggestTheClosestTypeForAnUnknownOne() {
        assertThat(check("feature: add a loader")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("commit-type");
            assertThat(finding.message()).isEqualTo("unknown type `feature` in 'feature: add a loader'");
            assertThat(finding.hint()).isEqualTo("did you mean `feat`?");
            assertThat(finding.location()).hasToString("COMMIT_EDITMSG:1:1");
        });
        assertThat(check("Fix: a bug")).singleElement()
                .satisfies(finding -> assertThat(finding.hint()).isEqualTo("types are lower case: `fix`"));
        assertThat(check("[expt] EXP-001 try")).singleElement()
                .satisfies(finding -> assertThat(finding.hint()).isEqualTo("did you mean `exp`?"));
    }

    @Test
    void shouldRefuseASubjectWithoutAConvention() {
        assertThat(check("added the loader")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("commit-format");
            assertThat(finding.message()).isEqualTo("the subject 'added the loader' does not follow "
                    + "'type(scope): subject' or '[type] subject'");
        });
        assertThat(check("feat:add the loader")).singleElement()
                .satisfies(finding -> assertThat(finding.hint()).isEqualTo("put a space after the colon: 'feat: add the loader'"));
    }

    @Test
    void aWorkInProgressSubjectIsOneFindingNotAlsoAnUnknownTypeOrFormat() {
        assertThat(rulesOf(check("WIP: first pass at the loader"))).containsExactly("commit-wip");
        assertThat(rulesOf(check("[WIP] loader"))).containsExactly("commit-wip");
        assertThat(rulesOf(check("feat: WIP loader."))).containsExactlyInAnyOrder("commit-wip", "commit-subject-period");
    }

    @Test
    void aTabInTheSubjectIsReportedAtItsColumn() {
        assertThat(check("fix: clip\tgradients")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("commit-subject-tab");
            assertThat(finding.location().column()).isEqualTo(10);
        });
        assertThat(check("fix: clip gradients")).isEmpty();
    }

    @Test
    void shouldRefuseALongSubjectATrailingPeriodAndAnEmptyDescription() {
        assertThat(rulesOf(check("feat: " + "x".repeat(70)))).containsExactly("commit-subject-length");
        assertThat(rulesOf(check("fix: stop the NaN."))).containsExactly("commit-subject-period");
        assertThat(rulesOf(check("fix: "))).containsExactly("commit-subject-empty");
    }

    @Test
    void shouldCountCharactersNotBytes() {
        assertThat(check("docs: " + "实验".repeat(33))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"WIP", "wip: loader", "WIP: loader", "[WIP] loader", "feat: WIP loader", "Wip on the loader"})
    void shouldRefuseWorkInProgress(String message) {
        assertThat(rulesOf(check(message))).contains("commit-wip");
    }

    @Test
    void shouldRequireAnExperimentIdForExperimentCommitsInBothForms() {
        assertThat(check("exp: try a cosine schedule")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("commit-experiment-id");
            assertThat(finding.message()).contains("/EXP-\\d{3,}/");
        });
        assertThat(rulesOf(check("[exp] try a cosine schedule"))).containsExactly("commit-experiment-id");
        assertThat(check("exp: try a cosine schedule\n\nExperiment: EXP-031")).isEmpty();
        assertThat(rulesOf(check("exp: EXP-12 too few digits"))).containsExactly("commit-experiment-id");
    }

    @Test
    void shouldCheckTheBodyLayout() {
        var findings = check("feat: add loader\nno blank line\n\n" + "word ".repeat(25) + "\n" + "https://example.org/" + "x".repeat(120));

        assertThat(findings).extracting(f -> f.ruleId() + "@" + f.location().line())
                .containsExactly("commit-body-separator@2", "commit-body-line-length@4");
    }

    @Test
    void shouldStripCommentsAndTheScissorsLikeGit() {
        var message = """
                # Please enter the commit message
                feat: add loader

                # On branch main
                Body line.
                # ------------------------ >8 ------------------------
                diff --git a/x b/x
                WIP and a very long line %s
                """.formatted("x ".repeat(80));

        var parsed = CommitMessage.parse(message, "#");

        assertThat(parsed.text()).isEqualTo("feat: add loader\n\nBody line.");
        assertThat(parsed.subject()).hasValueSatisfying(line -> assertThat(line.number()).isEqualTo(2));
        assertThat(rules.check(parsed, "COMMIT_EDITMSG")).isEmpty();
    }

    @Test
    void shouldRespectAnotherCommentCharAndAuto() {
        assertThat(CommitMessage.parse("; comment\n#1 fix: keep\n", ";").text()).isEqualTo("#1 fix: keep");
        assertThat(CommitMessage.parse("#1 issue\n@ Please enter the commit message for your changes.\n@ note\n", "auto").text())
                .isEqualTo("#1 issue");
    }

    @Test
    void shouldRefuseAnEmptyMessage() {
        assertThat(rulesOf(check("# only comments\n\n"))).containsExactly("commit-empty");
    }

    @Test
    void shouldAcceptTheTeamsOwnRegex() {
        var config = new ConfigLoader().parse("""
                version: 1
                commits:
                  convention: [regex]
                  pattern: "^[A-Z]+-\\\\d+ .+"
                """, ".mlexp.yml");
        var custom = rules(config);

        assertThat(custom.check(CommitMessage.parse("ML-12 add loader", "#"), "m")).isEmpty();
        assertThat(rulesOf(custom.check(CommitMessage.parse("feat: add loader", "#"), "m"))).containsExactly("commit-format");
    }

    @Test
    void shouldReadCrlfMessages() {
        assertThat(check("feat: add loader\r\n\r\nbody\r\n")).isEmpty();
    }

    @Test
    void aStoredCommitIsCheckedAsStoredItsHashLinesIncluded() {

        // git commit -m '#42 quick fix' stores that subject; only an editor's comment lines are dropped, by Git
        assertThat(rules.check(CommitMessage.ofCommit("#42 quick fix\n"), "commit abc")).extracting(Finding::ruleId)
                .contains("commit-format");
        assertThat(rules.check(CommitMessage.parse("#42 quick fix\nfeat: add a loader\n", ""), "MSG")).isEmpty();
    }

    @Test
    void subjectCaseIsOffByDefaultAndHoldsTheDescriptionToItWhenSet() {
        assertThat(check("feat: Add a loader")).isEmpty();
        var lower = rules(new ConfigLoader().parse("version: 1\ncommits:\n  subject-case: lower-case\n", ".mlexp.yml"));
        var sentence = rules(new ConfigLoader().parse("version: 1\ncommits:\n  subject-case: sentence-case\n", ".mlexp.yml"));

        assertThat(lower.check(CommitMessage.parse("feat(data): Add a loader\n", "#"), "MSG")).extracting(Finding::format)
                .containsExactly("MSG:1:13: error: the description 'Add a loader' starts with an upper-case letter;"
                        + " commits.subject-case is lower-case [commit-subject-case] (write 'add a loader')");
        assertThat(lower.check(CommitMessage.parse("feat(data): add a loader\n", "#"), "MSG")).isEmpty();
        assertThat(lower.check(CommitMessage.parse("feat: 2x faster loader\n", "#"), "MSG")).isEmpty();
        assertThat(sentence.check(CommitMessage.parse("fix: the cache\n", "#"), "MSG")).extracting(Finding::ruleId)
                .containsExactly("commit-subject-case");
    }

    @Test
    void anIgnoreListSkipsReleaseAndBotCommitsAsCommitlintsIgnoresDoes() {
        var ignoring = rules(new ConfigLoader().parse("version: 1\ncommits:\n  ignore: [\"^v\\\\d+\\\\.\\\\d+\\\\.\\\\d+$\", \"^Bump \"]\n",
                ".mlexp.yml"));

        assertThat(ignoring.check(CommitMessage.ofCommit("v21.2.2\n"), "commit a")).isEmpty();
        assertThat(ignoring.skipReasonOf(CommitMessage.ofCommit("Bump torch from 2.4 to 2.5\n"))).hasValue("ignored by commits.ignore /^Bump /");
        assertThat(ignoring.check(CommitMessage.ofCommit("v21.2.2 and more\n"), "commit a")).isNotEmpty();
        assertThat(check("v21.2.2")).isNotEmpty();
    }

    @Test
    void scopesAreFreeByDefaultAndHeldToTheTeamsListWhenItHasOne() {
        assertThat(check("feat(anything): add a loader")).isEmpty();
        var scoped = rules(new ConfigLoader().parse("version: 1\ncommits:\n  scopes: [data, model, train]\n", ".mlexp.yml"));

        assertThat(scoped.check(CommitMessage.parse("feat(modle): a wider head\n", "#"), "MSG")).extracting(Finding::format)
                .containsExactly("MSG:1:6: error: unknown scope `modle` in 'feat(modle): a wider head' [commit-scope]"
                        + " (did you mean `model`?)");
        assertThat(scoped.check(CommitMessage.parse("feat(data,model): shared loader\n", "#"), "MSG")).isEmpty();
        assertThat(scoped.check(CommitMessage.parse("fix: no scope at all\n", "#"), "MSG")).isEmpty();
        assertThat(scoped.check(CommitMessage.parse("fix(ci): pin the runner\n", "#"), "MSG")).extracting(Finding::hint)
                .containsExactly("commits.scopes allows: data, model, train");
    }

    private List<Finding> check(String message) {
        return rules.check(CommitMessage.parse(message, "#"), "COMMIT_EDITMSG");
    }

    private static List<String> rulesOf(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).toList();
    }

    private static CommitRules rules(MlexpConfig config) {
        return new CommitRules(config.commits(), config.record());
    }
}
