package io.mlexp.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.check.Finding;
import io.mlexp.config.MlexpConfig;
import io.mlexp.git.GitCli;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamedRecordCheckTest {
    @TempDir
    Path dir;

    private final NamedRecordCheck check = new NamedRecordCheck(MlexpConfig.defaults().record());
    private String older;
    private String newer;

    @BeforeEach
    void createHistory() throws Exception {
        var git = GitCli.init(dir);
        git.commit("a.txt", "chore: start");
        git.run("tag", "base");
        older = git.commit("b.txt", "exp: EXP-001 try a wider layer");
        newer = git.commit("c.txt", "fix: tune EXP-002\n\nFollows EXP-001.");
    }

    @Test
    void shouldNameEachIdByTheNewestCommitThatNamesIt() {
        var outcome = check.check(dir, Optional.of("base"), "main");

        assertThat(outcome.namedBy()).containsOnlyKeys("EXP-001", "EXP-002")
                .containsEntry("EXP-001", "commit " + newer.substring(0, 7))
                .containsEntry("EXP-002", "commit " + newer.substring(0, 7));
        assertThat(outcome.findings()).extracting(Finding::ruleId).containsOnly("record-named-missing").hasSize(2);
        assertThat(older).isNotEqualTo(newer);
    }

    @Test
    void shouldReadOnlyTheHeadCommitWithoutABase() {
        var outcome = check.check(dir, Optional.empty(), "main~1");

        assertThat(outcome.namedBy()).containsOnlyKeys("EXP-001").containsEntry("EXP-001", "commit " + older.substring(0, 7));
    }
}
