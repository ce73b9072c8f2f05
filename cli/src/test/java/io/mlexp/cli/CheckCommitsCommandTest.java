package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommitsCommandTest {
    private static final PersonIdent ADA = new PersonIdent("Ada", "ada@example.org");

    @TempDir
    Path repo;

    @BeforeEach
    void createRepository() throws Exception {
        try (var git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repo.resolve(".mlexp.yml"), "version: 1\n");
            git.add().addFilepattern(".mlexp.yml").call();
            git.commit().setMessage("chore: add mlexp rules").setAuthor(ADA).setCommitter(ADA).setSign(false).call();
            git.tag().setName("start").call();
            git.commit().setMessage("feature: add the loader.").setAuthor(ADA).setCommitter(ADA).setSign(false).call();
        }
    }

    @Test
    void shouldAcceptAGoodMessageFileQuietly() throws Exception {
        Files.writeString(repo.resolve("MSG"), "feat(data): add the loader\n# Please enter the commit message\n");

        var run = CommandRun.in(repo, "check", "commit-msg", "MSG");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldRefuseABadMessageFileWithOneLinePerProblem() throws Exception {
        Files.writeString(repo.resolve("MSG"), "# comment\nfeature: add the loader.\n");

        var run = CommandRun.in(repo, "check", "commit-msg", "MSG");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("""
                MSG:2:1: error: unknown type `feature` in 'feature: add the loader.' [commit-type] (did you mean `feat`?)
                MSG:2:24: error: the subject ends with a period: 'feature: add the loader.' [commit-subject-period] (drop the final '.')
                """);
    }

    @Test
    void shouldExitTwoForAMissingOrBinaryMessageFile() throws Exception {
        assertThat(CommandRun.in(repo, "check", "commit-msg", "nope").exitCode()).isEqualTo(2);
        Files.write(repo.resolve("BIN"), new byte[] {'f', 'e', (byte) 0xC3, 0x28});

        var run = CommandRun.in(repo, "check", "commit-msg", "BIN");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("BIN:1:3: error: not valid UTF-8");
    }

    @Test
    void shouldCheckARangeAndSummarise() {
        var run = CommandRun.in(repo, "check", "commits", "start..main");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("[commit-type]", "[commit-subject-period]").endsWith("checked 1 commit: 2 problem(s)\n");
        assertThat(CommandRun.in(repo, "check", "commits", "start..start").out()).isEqualTo("checked 0 commits: ok\n");
    }

    @Test
    void theTeamsRulesDecideWhatARangeFindingWeighs() throws Exception {
        Files.writeString(repo.resolve(".mlexp.yml"), "version: 1\nrules:\n  commit-type: warning\n  commit-subject-period: off\n");

        var run = CommandRun.in(repo, "check", "commits", "start..main");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("warning:", "[commit-type]").doesNotContain("[commit-subject-period]");
    }

    @Test
    void shouldGiveJsonFindings() {
        var run = CommandRun.in(repo, "--format", "json", "check", "commits", "start..main");

        assertThat(run.out()).contains("\"rule\" : \"commit-type\"", "\"hint\" : \"did you mean `feat`?\"");
    }

    @Test
    void shouldExitTwoForAnUnknownRevision() {
        var run = CommandRun.in(repo, "check", "commits", "v9..main");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("v9: error: unknown revision 'v9' [range]\n");
    }
}
