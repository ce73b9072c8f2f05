package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real git commits and pushes through hooks installed by the packaged CLI, each command in a JVM of its own. */
class GitHooksIT {
    static final Path MLEXP = Path.of("target", "mlexp", "bin", "mlexp").toAbsolutePath();

    @TempDir
    Path repo;

    record Result(int exitCode, String output) {
    }

    @BeforeEach
    void createRepository() throws Exception {
        run(repo, "git", "init", "-q", "-b", "main");
        run(repo, "git", "config", "user.name", "Ada");
        run(repo, "git", "config", "user.email", "ada@example.org");
        run(repo, "git", "config", "commit.gpgsign", "false");
        Files.writeString(repo.resolve(".mlexp.yml"), "version: 1\n");
        Files.createDirectories(repo.resolve("configs"));
        Files.writeString(repo.resolve("configs/base.yaml"), "seed: 1\nlr: 0.1\nbatch_size: 8\n");
        run(repo, "git", "add", ".");
        run(repo, "git", "commit", "-q", "--no-verify", "-m", "chore: start");
    }

    @Test
    void shouldRefuseABadMessageAndAcceptAGoodOne() throws Exception {
        assertThat(mlexp("hooks", "install").output()).contains("commit-msg: installed", "pre-commit: installed", "pre-push: installed");
        stage("train.py", "print('x')\n");

        var refused = run(repo, "git", "commit", "-m", "feature: add training");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("unknown type `feature`", "did you mean `feat`?", "commit refused", "--no-verify");
        assertThat(run(repo, "git", "log", "--format=%s").output().strip()).isEqualTo("chore: start");

        var accepted = run(repo, "git", "commit", "-q", "-m", "feat: add training");

        assertThat(accepted.exitCode()).as(accepted.output()).isZero();
        assertThat(run(repo, "git", "log", "-1", "--format=%s").output().strip()).isEqualTo("feat: add training");
    }

    @Test
    void shouldRefuseStagedWeightsAndKeepThemStaged() throws Exception {
        mlexp("hooks", "install");
        stage("checkpoints/best.pt", "weights");

        var refused = run(repo, "git", "commit", "-m", "feat: add the checkpoint");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("checkpoints/best.pt: error: matches files.forbidden pattern '*.pt'");
        assertThat(run(repo, "git", "diff", "--cached", "--name-only").output().strip()).isEqualTo("checkpoints/best.pt");
    }

    @Test
    void shouldCheckWhatCommitAllAndCommitPathStageIntoTheirTemporaryIndex() throws Exception {
        mlexp("hooks", "install");
        Files.writeString(repo.resolve("configs/base.yaml"), "seed: 1\nbatch_size: 8\n");
        assertThat(run(repo, "git", "diff", "--cached", "--name-only").output()).isEmpty();

        var all = run(repo, "git", "commit", "-a", "-m", "fix: drop the learning rate");
        var path = run(repo, "git", "commit", "configs/base.yaml", "-m", "fix: drop the learning rate");

        assertThat(all.exitCode()).isNotZero();
        assertThat(all.output()).contains("configs/base.yaml:1:1: error: required key 'lr' is missing");
        assertThat(path.exitCode()).isNotZero();
        assertThat(path.output()).contains("configs/base.yaml:1:1: error: required key 'lr' is missing");
        assertThat(run(repo, "git", "log", "--format=%s").output().strip()).isEqualTo("chore: start");
    }

    @Test
    void shouldPrintTheSameFromTheHookEntryAsFromTheFullCommandLine() throws Exception {
        Files.writeString(repo.resolve("MSG"), "feature: add training.\n");

        var hook = run(repo, MLEXP.toString(), "check", "commit-msg", "MSG");
        var full = run(repo, MLEXP.toString(), "--no-color", "check", "commit-msg", "MSG");

        assertThat(hook.exitCode()).isEqualTo(1);
        assertThat(full.exitCode()).isEqualTo(1);
        assertThat(hook.output()).isEqualTo(full.output()).contains("MSG:1:1: error: unknown type `feature`");
    }

    @Test
    void shouldChainAnExistingHookAndRestoreItOnUninstall() throws Exception {
        var hooks = repo.resolve(".git/hooks");
        Files.createDirectories(hooks);
        var own = "#!/bin/sh\necho chained >> \"$(git rev-parse --git-dir)/chained-ran\"\n";
        Files.writeString(hooks.resolve("commit-msg"), own);
        hooks.resolve("commit-msg").toFile().setExecutable(true);

        assertThat(mlexp("hooks", "install").output()).contains("chaining your existing hook");
        assertThat(mlexp("hooks", "install").output()).contains("commit-msg: already installed");
        stage("a.py", "x = 1\n");
        assertThat(run(repo, "git", "commit", "-q", "-m", "feat: add a").exitCode()).isZero();
        assertThat(repo.resolve(".git/chained-ran")).exists();

        assertThat(mlexp("hooks", "uninstall").output()).contains("commit-msg: removed, your previous hook is back", "pre-push: removed");
        assertThat(Files.readString(hooks.resolve("commit-msg"))).isEqualTo(own);
        assertThat(hooks.resolve("pre-commit")).doesNotExist();
    }

    @Test
    void shouldInstallIntoCoreHooksPath() throws Exception {
        run(repo, "git", "config", "core.hooksPath", ".githooks");

        mlexp("hooks", "install");
        stage("b.py", "x = 1\n");

        assertThat(repo.resolve(".githooks/commit-msg")).isExecutable();
        assertThat(run(repo, "git", "commit", "-m", "wip").exitCode()).isNotZero();
    }

    @Test
    void shouldRefuseTheCommitWhenTheCliCannotRun() throws Exception {
        mlexp("hooks", "install");
        stage("c.py", "x = 1\n");

        var refused = run(repo, Map.of("MLEXP_CLI", "/nonexistent/mlexp"), "git", "commit", "-m", "feat: add c");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("the mlexp CLI cannot run", "--no-verify");
    }

    @Test
    void shouldRefuseAPushWithABadCommitMessage(@TempDir Path remote) throws Exception {
        run(remote, "git", "init", "-q", "--bare");
        run(repo, "git", "remote", "add", "origin", remote.toString());
        run(repo, "git", "push", "-q", "origin", "main");
        mlexp("hooks", "install");
        stage("d.py", "x = 1\n");
        run(repo, "git", "commit", "-q", "--no-verify", "-m", "added d");

        var refused = run(repo, "git", "push", "origin", "main");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("does not follow", "push refused");
        run(repo, "git", "commit", "-q", "--amend", "--no-verify", "-m", "feat: add d");
        assertThat(run(repo, "git", "push", "-q", "origin", "main").exitCode()).isZero();

        run(repo, "git", "checkout", "-q", "-b", "topic");
        stage("e.py", "x = 1\n");
        run(repo, "git", "commit", "-q", "--no-verify", "-m", "exp: no id");
        var newBranch = run(repo, "git", "push", "origin", "topic");
        assertThat(newBranch.exitCode()).isNotZero();
        assertThat(newBranch.output()).contains("[commit-experiment-id]").contains("checked 1 commit");
    }

    @Test
    void aRepositoryThatAdoptsMlexpIsJudgedOnItsNewWorkWhenPushedToANewRemote(@TempDir Path remote) throws Exception {
        for (var old : List.of("WIP stuff", "Added things", "fixed it")) { // inherited history that no rule checked
            stage("old-" + old.length() + ".txt", old);
            run(repo, "git", "commit", "-q", "--no-verify", "-m", old);
        }
        assertThat(mlexp("hooks", "install").output()).contains("pre-push judges commits after");
        stage("new.py", "x = 1\n");
        run(repo, "git", "commit", "-q", "--no-verify", "-m", "feat: the first change under mlexp");
        run(remote, "git", "init", "-q", "--bare");
        run(repo, "git", "remote", "add", "new-remote", remote.toString());

        var pushed = run(repo, "git", "push", "new-remote", "main");

        assertThat(pushed.exitCode()).as(pushed.output()).isZero();
        assertThat(pushed.output()).contains("checked 1 commit").doesNotContain("WIP");
        stage("bad.py", "x = 2\n");
        run(repo, "git", "commit", "-q", "--no-verify", "-m", "more stuff");
        assertThat(run(repo, "git", "push", "new-remote", "main").output()).contains("does not follow", "push refused");
        run(repo, "git", "config", "--unset", "mlexp.since");
        var other = Files.createDirectories(remote.resolve("other.git"));
        run(other, "git", "init", "-q", "--bare");
        run(repo, "git", "remote", "add", "other", other.toString());
        assertThat(run(repo, "git", "push", "other", "main").output()).as("without the baseline, all history")
                .contains("WIP stuff");
    }

    private void stage(String name, String text) throws Exception {
        Files.createDirectories(repo.resolve(name).getParent());
        Files.writeString(repo.resolve(name), text);
        run(repo, "git", "add", name);
    }

    private Result mlexp(String... args) throws Exception {
        var command = new ArrayList<>(List.of(MLEXP.toString(), "--repo", repo.toString()));
        command.addAll(List.of(args));
        var result = run(repo, command.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result;
    }

    /** Every hook and command here runs in a JVM of its own; {@link GitHooksThroughServerIT} has them answered by the server. */
    Map<String, String> launcherEnvironment() {
        return Map.of("MLEXP_SERVER", "off");
    }

    Result run(Path dir, String... command) throws IOException, InterruptedException {
        return run(dir, Map.of(), command);
    }

    Result run(Path dir, Map<String, String> environment, String... command) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("HOME", dir.toString());
        builder.environment().putAll(launcherEnvironment());
        builder.environment().putAll(environment);
        var process = builder.start();
        process.getOutputStream().close();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
