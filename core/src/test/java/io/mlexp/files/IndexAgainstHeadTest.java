package io.mlexp.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.git.GitCli;
import io.mlexp.util.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JGit's reading of the index against HEAD must list exactly what {@code git diff --cached} lists, or leave it to git. */
class IndexAgainstHeadTest {
    @TempDir
    Path dir;

    @Test
    void shouldListWhatGitListsForEveryKindOfChange() throws Exception {
        var git = GitCli.init(dir);
        for (var name : List.of("keep.txt", "change.txt", "old-name.txt", "gone.txt", "run.sh", "kind.txt", "b/c.txt")) {
            write(name, "content of " + name + "\n");
        }
        git.run("add", "-A");
        git.run("commit", "-q", "--no-verify", "-m", "chore: start");
        write("change.txt", "changed\n");
        git.run("mv", "old-name.txt", "new-name.txt");
        git.run("rm", "-q", "gone.txt");
        Files.setPosixFilePermissions(dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.delete(dir.resolve("kind.txt"));
        Files.createSymbolicLink(dir.resolve("kind.txt"), Path.of("keep.txt"));
        write("data/raw/cifar/train/part-0.csv", "x,y\n");
        write("数据 说明.md", "说明\n");
        write("b.txt", "sorts between b and b/c.txt\n");
        git.run("add", "-A");
        write("later.txt", "announced only\n");
        git.run("add", "-N", "later.txt");
        git.run("update-index", "--add", "--cacheinfo", "160000,0123456789abcdef0123456789abcdef01234567,vendor/lib");

        var listed = IndexAgainstHead.read(dir);

        assertThat(listed).isPresent();
        assertThat(listed.get()).extracting(StagedEntry::path).containsExactly("b.txt", "change.txt",
                "data/raw/cifar/train/part-0.csv", "kind.txt", "new-name.txt", "run.sh", "数据 说明.md");
        assertThat(listed.get()).isEqualTo(CachedDiff.read(dir));
        assertThat(listed.get()).filteredOn(StagedEntry::symbolicLink).extracting(StagedEntry::path).containsExactly("kind.txt");
    }

    @Test
    void shouldListEverythingBeforeTheFirstCommitAndNothingWhenNothingIsStaged() throws Exception {
        var git = GitCli.init(dir);
        assertThat(IndexAgainstHead.read(dir)).contains(List.of());

        write("a.txt", "a\n");
        git.run("add", "a.txt");

        assertThat(IndexAgainstHead.read(dir).orElseThrow()).isEqualTo(CachedDiff.read(dir)).hasSize(1);
    }

    @Test
    void shouldReadTheTemporaryIndexOfGitCommitPath() throws Exception {
        var git = GitCli.init(dir);
        git.commit("README.md", "chore: start");
        write("staged.txt", "in the index\n");
        write("only.txt", "in the commit of this path only\n");
        git.run("add", "staged.txt");
        var temporary = dir.resolve(".git/next-index.lock");
        var variables = new HashMap<>(System.getenv());
        variables.put("GIT_INDEX_FILE", temporary.toString());
        Environment.with(variables, () -> {
            run(variables, "git", "read-tree", "HEAD");
            run(variables, "git", "add", "only.txt");
            return null;
        });

        var listed = Environment.with(variables, () -> IndexAgainstHead.read(dir));

        assertThat(listed.orElseThrow()).extracting(StagedEntry::path).containsExactly("only.txt");
        assertThat(listed.get()).isEqualTo(Environment.with(variables, () -> CachedDiff.read(dir)));
        variables.put("GIT_INDEX_FILE", ".git/next-index.lock"); // relative, to the repository's top
        assertThat(Environment.with(variables, () -> IndexAgainstHead.read(dir))).isEqualTo(listed);
    }

    @Test
    void shouldLeaveUnmergedPathsOutAsGitDoes() throws Exception {
        var git = GitCli.init(dir);
        git.commit("README.md", "chore: start");
        git.run("checkout", "-q", "-b", "other");
        write("clash.txt", "theirs\n");
        git.run("add", "clash.txt");
        git.run("commit", "-q", "--no-verify", "-m", "feat: theirs");
        git.run("checkout", "-q", "main");
        write("clash.txt", "ours\n");
        write("clean.txt", "ours, no clash\n");
        git.run("add", "clash.txt", "clean.txt");
        git.run("commit", "-q", "--no-verify", "-m", "feat: ours");
        run(Map.of(), "git", "merge", "-q", "other");
        write("fixed.txt", "staged while merging\n");
        git.run("add", "fixed.txt");

        assertThat(IndexAgainstHead.read(dir).orElseThrow()).isEqualTo(CachedDiff.read(dir))
                .extracting(StagedEntry::path).containsExactly("fixed.txt");
    }

    @Test
    void shouldLeaveToGitWhatJGitCannotReadOrWhatGitsVariablesMoveElsewhere() throws Exception {
        var git = GitCli.init(dir);
        git.commit("README.md", "chore: start");
        write("a.txt", "a\n");
        git.run("add", "a.txt");
        var variables = new HashMap<>(System.getenv());
        variables.put("GIT_DIR", dir.resolve(".git").toString());

        assertThat(Environment.with(variables, () -> IndexAgainstHead.read(dir))).isEmpty();

        git.run("update-index", "--split-index");
        assertThat(IndexAgainstHead.read(dir)).as("a split index").isEqualTo(Optional.empty());
        try (var staged = StagedFiles.open(dir)) {
            assertThat(staged.list()).extracting(RepoFile::path).containsExactly("a.txt");
        }
    }

    private void write(String name, String text) throws Exception {
        var file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Runs a command in the repository with these variables added; it may fail (a merge that clashes). */
    private void run(Map<String, String> variables, String... command) {
        try {
            var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(variables);
            builder.start().waitFor();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
