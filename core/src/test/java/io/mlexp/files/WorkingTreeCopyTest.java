package io.mlexp.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.git.GitCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingTreeCopyTest {
    @TempDir
    Path dir;

    @TempDir
    Path elsewhere;

    @Test
    void shouldNameContentAsGitNamesABlobInBothObjectFormats() {
        var hello = "hello\n".getBytes(StandardCharsets.UTF_8);

        assertThat(WorkingTreeCopy.isBlob(new byte[0], "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")).isTrue();
        assertThat(WorkingTreeCopy.isBlob(hello, "ce013625030ba8dba906f756967f9e9ca394464a")).isTrue();
        assertThat(WorkingTreeCopy.isBlob(hello, "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")).isFalse();
        assertThat(WorkingTreeCopy.isBlob(new byte[0],
                "473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813")).isTrue();
        assertThat(WorkingTreeCopy.isBlob(hello, "ce01362503")).isFalse();
    }

    @Test
    void shouldTakeTheWorkingTreeCopyOnlyWhileItIsWhatWasStaged() throws Exception {
        var git = GitCli.init(dir);
        Files.writeString(dir.resolve("train.py"), "lr = 0.1\n");
        git.run("add", "train.py");
        var blob = git.run("rev-parse", ":train.py").strip();

        assertThat(WorkingTreeCopy.read(dir, "train.py", blob, 1 << 20).orElseThrow())
                .asString(StandardCharsets.UTF_8).isEqualTo("lr = 0.1\n");
        assertThat(WorkingTreeCopy.read(dir, "train.py", blob, 3)).as("larger than asked for").isEmpty();

        Files.writeString(dir.resolve("train.py"), "lr = 0.2\n");
        assertThat(WorkingTreeCopy.read(dir, "train.py", blob, 1 << 20)).as("edited after git add").isEmpty();

        Files.delete(dir.resolve("train.py"));
        assertThat(WorkingTreeCopy.read(dir, "train.py", blob, 1 << 20)).as("deleted after git add").isEmpty();
    }

    @Test
    void shouldNeverFollowALinkOutOfTheRepository() throws Exception {
        var git = GitCli.init(dir);
        var outside = Files.writeString(elsewhere.resolve("secret"), "x\n");
        Files.createSymbolicLink(dir.resolve("link"), outside);
        var targetBlob = git.run("hash-object", outside.toString()).strip();

        assertThat(WorkingTreeCopy.isBlob("x\n".getBytes(StandardCharsets.UTF_8), targetBlob)).isTrue();
        assertThat(WorkingTreeCopy.read(dir, "link", targetBlob, 1 << 20)).isEmpty();
    }
}
