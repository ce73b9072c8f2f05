package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckFilesCommandTest {
    private static final PersonIdent ADA = new PersonIdent("Ada", "ada@example.org");

    @TempDir
    Path repo;

    private Git git;

    @BeforeEach
    void createRepository() throws Exception {
        git = Git.init().setDirectory(repo.toFile()).call();
        write(".mlexp.yml", "version: 1\n");
        write("configs/base.yaml", "seed: 1\nlr: 0.1\nbatch_size: 8\n");
        git.add().addFilepattern(".").call();
        git.commit().setMessage("chore: start").setAuthor(ADA).setCommitter(ADA).setSign(false).call();
    }

    @Test
    void shouldPassCleanStagedFiles() throws Exception {
        write("train.py", "print('train')\n");
        git.add().addFilepattern("train.py").call();

        var run = CommandRun.in(repo, "check", "staged");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldRefuseStagedWeightsAndBrokenConfigs() throws Exception {
        write("checkpoints/best.pt", "weights");
        write("configs/new.yaml", "seed: 1\n");
        git.add().addFilepattern(".").call();

        var run = CommandRun.in(repo, "check", "staged");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("checkpoints/best.pt: error: matches files.forbidden pattern '*.pt' [file-forbidden]")
                .contains("configs/new.yaml:1:1: error: required key 'lr' is missing");
    }

    @Test
    void theTeamsRulesDecideWhatAStagedFileFindingWeighs() throws Exception {
        write(".mlexp.yml", "version: 1\nrules:\n  file-forbidden: warning\n  config-file-missing-key: off\n");
        write("checkpoints/best.pt", "weights");
        write("configs/new.yaml", "seed: 1\n");
        git.add().addFilepattern(".").call();

        var run = CommandRun.in(repo, "check", "staged");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("checkpoints/best.pt: warning: matches files.forbidden pattern '*.pt' [file-forbidden]")
                .doesNotContain("required key 'lr'");
    }

    @Test
    void shouldCheckTheConfigsOfTheWorkingTreeAndOfARevision() throws Exception {
        assertThat(CommandRun.in(repo, "check", "configs").out()).isEqualTo("checked 1 training config: ok\n");

        write("configs/base.yaml", "seed: 1\n");
        var run = CommandRun.in(repo, "check", "configs");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("configs/base.yaml:1:1: error: required key 'lr' is missing");
        assertThat(CommandRun.in(repo, "check", "configs", "--rev", "HEAD").exitCode()).isZero();
        assertThat(CommandRun.in(repo, "check", "configs", "--rev", "nope").exitCode()).isEqualTo(2);
    }

    private void write(String name, String text) throws Exception {
        Files.createDirectories(repo.resolve(name).getParent());
        Files.writeString(repo.resolve(name), text);
    }
}
