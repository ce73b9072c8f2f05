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

            try (var files = GitFiles.open(dir)) {
                var staged = files.staged();

                assertThat(staged).extracting(RepoFile::path).containsExactly("added.txt", "change.txt", "new-name.txt");
                var change = staged.stream().filter(f -> f.path().equals("change.txt")).findFirst().orElseThrow();
                assertThat(new String(change.content().get(), StandardCharsets.UTF_8)).isEqualTo("staged");
                assertThat(change.size()).isEqualTo(6);
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

            try (var files = GitFiles.open(dir)) {
                assertThat(files.staged()).extracting(RepoFile::path).containsExactly("a.txt");
            }
        }
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text);
    }
}
