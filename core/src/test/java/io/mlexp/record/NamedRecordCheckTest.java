package io.mlexp.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.check.Finding;
import io.mlexp.config.MlexpConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
        git("init", "-q", "-b", "main");
        git("config", "user.name", "Ada");
        git("config", "user.email", "ada@example.org");
        git("config", "commit.gpgsign", "false");
        commit("a.txt", "chore: start");
        git("tag", "base");
        older = commit("b.txt", "exp: EXP-001 try a wider layer");
        newer = commit("c.txt", "fix: tune EXP-002\n\nFollows EXP-001.");
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

    private String commit(String file, String message) throws Exception {
        Files.writeString(dir.resolve(file), file);
        git("add", file);
        git("commit", "-q", "--no-verify", "-m", message);
        return git("rev-parse", "HEAD").strip();
    }

    private String git(String... args) throws Exception {
        var command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
