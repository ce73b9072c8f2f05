package io.mlexp.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.Severity;
import io.mlexp.commit.CommitMessage;
import io.mlexp.commit.CommitRules;
import io.mlexp.config.ConfigLoader;
import io.mlexp.config.MlexpConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code rules:} in .mlexp.yml: a rule off, another a warning, and a mistyped ID refused where it is written. */
class RuleSettingsTest {
    private static List<Finding> commit(MlexpConfig config, String message) {
        return config.rules().apply(new CommitRules(config.commits(), config.record()).check(CommitMessage.parse(message, "#"), "MSG"));
    }

    @Test
    void aRuleSetToWarningIsReportedAsOneAndARuleSetOffIsNotReported() {
        var config = new ConfigLoader().parse("version: 1\nrules:\n  commit-wip: warning\n  commit-subject-period: off\n", ".mlexp.yml");

        var findings = commit(config, "fix: WIP the loader.\n");

        assertThat(findings).extracting(Finding::ruleId, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("commit-wip", Severity.WARNING));
        assertThat(commit(new ConfigLoader().parse("version: 1\n", ".mlexp.yml"), "fix: WIP the loader.\n"))
                .extracting(Finding::ruleId).containsExactlyInAnyOrder("commit-wip", "commit-subject-period");
    }

    @Test
    void aWarningCanBeMadeAnError() {
        var config = new ConfigLoader().parse("version: 1\nrules:\n  file-notebook-outputs: error\n", ".mlexp.yml");
        var warning = Finding.warning("file-notebook-outputs", io.mlexp.check.SourceLocation.of("a.ipynb"), "1 cell has stored outputs");

        assertThat(config.rules().apply(List.of(warning))).singleElement().satisfies(f -> assertThat(f.isError()).isTrue());
    }

    @Test
    void anUnknownIdOrLevelIsRefusedWhereItIsWrittenWithADidYouMean() {
        assertThatThrownBy(() -> new ConfigLoader().parse("version: 1\nrules:\n  commit-wp: warning\n  commit-wip: loud\n", "team.yml"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).findings()).extracting(Finding::format).containsExactlyInAnyOrder(
                        "team.yml:3:3: error: rules.commit-wp: no rule has this ID [config-unknown-rule] (did you mean `commit-wip`?)",
                        "team.yml:4:15: error: rules.commit-wip: 'loud' is not a level; write off, warning or error [config-value]"));
    }
}
