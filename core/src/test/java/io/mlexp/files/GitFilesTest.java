package io.mlexp.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitFilesTest {
    private static final PersonIdent ADA = new PersonIdent("Ada", "ada@example.org");

    @TempDir
    Path dir;

    @Test
    void shouldListAddedModifiedAndRenamedFilesWithTheirStagedContent() throws Exception {
        try (var git = Git.init().setDirectory(dir.toFile()).call()) {
            write("keep.txt", "same");
            write("change.txt", "old");
            write("old-name.txt", "moved");
            write("gone.txt", "bye");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("chore: start").setAuthor(ADA).setCommitter(ADA).setSign(false).call();
            write("change.txt", "staged");
            Files.move(dir.resolve("old-name.txt"), dir.resolve("new-name.txt"));
            write("added.txt", "new");
            git.add().addFilepattern(".").call();
            git.rm().addFilepattern("old-name.txt").addFilepattern("gone.txt").call();
            write("change.txt", "edited after staging");
            write("untracked.txt", "not staged");

            try (var staged = StagedFiles.open(dir)) {
                var files = staged.list();

                assertThat(files).extracting(RepoFile::path).containsExactly("added.txt", "change.txt", "new-name.txt");
                var change = files.stream().filter(f -> f.path().equals("change.txt")).findFirst().orElseThrow();
                assertThat(new String(change.content().get(), StandardCharsets.UTF_8)).isEqualTo("staged");
                assertThat(change.size()).isEqualTo(6);
                var added = files.get(0);
                assertThat(new String(added.content().get(), StandardCharsets.UTF_8)).isEqualTo("new");
            }
            try (var files = GitFiles.open(dir)) {
                assertThat(files.tracked()).extracting(RepoFile::path)
                        .containsExactly("added.txt", "change.txt", "keep.txt", "new-name.txt");
                assertThat(files.atRevision("HEAD")).extracting(RepoFile::path)
                        .containsExactly("change.txt", "gone.txt", "keep.txt", "old-name.txt");
            }
        }
    }

    @Test
    void shouldListEverythingStagedBeforeTheFirstCommit() throws Exception {
        try (var git = Git.init().setDirectory(dir.toFile()).call()) {
            write("a.txt", "a");
            git.add().addFilepattern("a.txt").call();

            try (var staged = StagedFiles.open(dir)) {
                assertThat(staged.list()).extracting(RepoFile::path).containsExactly("a.txt");
            }
        }
    }

    @Test
    void shouldListNothingWhenNothingIsStaged() throws Exception {
        try (var ignored = Git.init().setDirectory(dir.toFile()).call(); var staged = StagedFiles.open(dir)) {
            write("untracked.txt", "u");
            assertThat(staged.list()).isEmpty();
        }
    }

    @Test
    void shouldKeepNonAsciiPathsAndSkipSubmodules() throws Exception {
        try (var git = Git.init().setDirectory(dir.toFile()).call()) {
            write("数据 说明.md", "说明");
            git.add().addFilepattern(".").call();
            var gitlink = new org.eclipse.jgit.dircache.DirCacheEntry("vendor/lib");
            gitlink.setFileMode(org.eclipse.jgit.lib.FileMode.GITLINK);
            gitlink.setObjectId(org.eclipse.jgit.lib.ObjectId.fromString("0123456789abcdef0123456789abcdef01234567"));
            var index = git.getRepository().lockDirCache();
            var builder = index.builder();
            builder.keep(0, index.getEntryCount());
            builder.add(gitlink);
            builder.commit();

            try (var staged = StagedFiles.open(dir)) {
                var files = staged.list();
                assertThat(files).extracting(RepoFile::path).containsExactly("数据 说明.md");
                assertThat(files.get(0).size()).isEqualTo("说明".getBytes(StandardCharsets.UTF_8).length);
            }
        }
    }

    @Test
    void shouldSayPlainlyWhenTheDirectoryIsNoRepository() {
        try (var staged = StagedFiles.open(dir)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(staged::list)
                    .isInstanceOf(io.mlexp.check.EnvironmentException.class)
                    .hasMessageContaining("git diff --cached");
        }
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text);
    }
}
