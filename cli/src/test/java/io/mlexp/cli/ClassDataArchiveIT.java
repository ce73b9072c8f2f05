package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive: made in the background by a first start, mapped by the hooks
 * after it, and made again when any jar of the distribution is newer or the distribution has moved (the JVM
 * refuses all of it then).
 */
class ClassDataArchiveIT {
    private static final Path DISTRIBUTION = Path.of("target", "mlexp").toAbsolutePath();
    private static final String ARCHIVED = "io.mlexp.commit.CommitRules source: shared objects file";

    @TempDir
    Path work;

    @Test
    void shouldMakeTheArchiveAgainWhenAnyJarChanges() throws Exception {
        var home = copyDistribution();
        var repo = repository();
        var archive = home.resolve("cds/mlexp.jsa");

        hook(home, repo);
        awaitArchiveNewerThan(archive, FileTime.fromMillis(0));
        assertThat(hook(home, repo)).contains(ARCHIVED);

        // a jar replaced after the archive was made, as an upgrade or a rebuild of one module does
        Thread.sleep(Math.max(0, Files.getLastModifiedTime(archive).toMillis() + 1_500 - System.currentTimeMillis()));
        var changed = FileTime.fromMillis(System.currentTimeMillis());
        Files.setLastModifiedTime(home.resolve("lib/mlexp-core.jar"), changed);
        assertThat(hook(home, repo)).as("a start with a jar newer than the archive").doesNotContain(ARCHIVED);
        awaitArchiveNewerThan(archive, changed);

        assertThat(hook(home, repo)).contains(ARCHIVED);
    }

    @Test
    void shouldMakeTheArchiveAgainWhenTheDistributionMoves() throws Exception {
        var home = copyDistribution();
        var repo = repository();
        hook(home, repo);
        awaitArchiveNewerThan(home.resolve("cds/mlexp.jsa"), FileTime.fromMillis(0));
        var made = Files.getLastModifiedTime(home.resolve("cds/mlexp.jsa"));

        // copied or moved as a whole (cp -a, an installer): the archive still names the old class path
        var moved = Files.move(home, work.resolve("moved"));
        assertThat(hook(moved, repo)).as("a start from the new place").doesNotContain(ARCHIVED);
        awaitArchiveNewerThan(moved.resolve("cds/mlexp.jsa"), made);

        assertThat(hook(moved, repo)).contains(ARCHIVED);
    }

    @Test
    void theWarmUpAHookStartsLeavesTheRepositoryAlone() throws Exception {
        var home = copyDistribution();
        var repo = repository();
        run(repo, "git", "-c", "user.name=A", "-c", "user.email=a@example.org", "add", ".mlexp.yml");
        run(repo, "git", "-c", "user.name=A", "-c", "user.email=a@example.org", "commit", "-q", "-m", "chore: start");

        // git runs a hook with these set, relative to the repository; the warm-up's scratch repository must not see them
        hook(home, repo, Map.of("GIT_INDEX_FILE", ".git/index", "GIT_DIR", ".git"));
        awaitArchiveNewerThan(home.resolve("cds/mlexp.jsa"), FileTime.fromMillis(0));

        assertThat(output(repo, "git", "status", "--porcelain")).as("nothing staged or changed").isEqualTo("?? MSG\n");
        assertThat(output(repo, "git", "fsck")).as("every object the index names is there").doesNotContain("missing");
    }

    /** A repository with a config and a commit message for the commit-msg hook. */
    private Path repository() throws Exception {
        var repo = Files.createDirectories(work.resolve("repo"));
        run(repo, "git", "init", "-q");
        Files.writeString(repo.resolve(".mlexp.yml"), "version: 1\n");
        Files.writeString(repo.resolve("MSG"), "feat: add the loader\n");
        return repo;
    }

    private Path copyDistribution() throws IOException {
        var home = work.resolve("mlexp");
        for (var part : List.of("bin", "lib")) {
            try (Stream<Path> files = Files.list(DISTRIBUTION.resolve(part))) {
                Files.createDirectories(home.resolve(part));
                for (var file : files.toList()) {
                    Files.copy(file, home.resolve(part).resolve(file.getFileName()));
                }
            }
        }
        home.resolve("bin/mlexp").toFile().setExecutable(true);
        return home;
    }

    /** The commit-msg hook's command, with the JVM listing where each class came from. */
    private static String hook(Path home, Path repo) throws Exception {
        return hook(home, repo, Map.of());
    }

    private static String hook(Path home, Path repo, Map<String, String> environment) throws Exception {
        var process = new ProcessBuilder(home.resolve("bin/mlexp").toString(), "check", "commit-msg", "MSG")
                .directory(repo.toFile()).redirectErrorStream(true);
        process.environment().put("MLEXP_JAVA_OPTS", "-Xlog:class+load=info:stdout");
        process.environment().put("MLEXP_SERVER", "off"); // the hook's own JVM, whose class loading is the subject here
        process.environment().putAll(environment);
        var running = process.start();
        var output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(running.exitValue()).as(output).isZero();
        return output;
    }

    private static void awaitArchiveNewerThan(Path archive, FileTime time) throws Exception {
        var lock = archive.resolveSibling("mlexp.jsa.lock");
        for (int waited = 0; waited < 240; waited++) {
            if (Files.exists(archive) && Files.getLastModifiedTime(archive).compareTo(time) > 0 && !Files.exists(lock)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no archive newer than " + time + " after two minutes");
    }

    private static String output(Path dir, String... command) throws Exception {
        var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private static void run(Path dir, String... command) throws Exception {
        var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
}
