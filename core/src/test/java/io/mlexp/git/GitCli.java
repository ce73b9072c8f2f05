package io.mlexp.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A repository made and changed with the git command, as users make theirs. */
public final class GitCli {
    private final Path dir;

    private GitCli(Path dir) {
        this.dir = dir;
    }

    /** A new repository on branch main, with a committer and no signing. */
    public static GitCli init(Path dir) throws Exception {
        var repo = new GitCli(dir);
        repo.run("init", "-q", "-b", "main");
        repo.run("config", "user.name", "Ada");
        repo.run("config", "user.email", "ada@example.org");
        repo.run("config", "commit.gpgsign", "false");
        return repo;
    }

    /** Writes and commits one file; returns the new commit's ID. */
    public String commit(String file, String message) throws Exception {
        Files.writeString(dir.resolve(file), file);
        run("add", file);
        run("commit", "-q", "--no-verify", "-m", message);
        return run("rev-parse", "HEAD").strip();
    }

    /** Runs git, which must succeed; returns what it printed. */
    public String run(String... args) throws Exception {
        var command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("git %s: %s", String.join(" ", args), output).isZero();
        return output;
    }
}
