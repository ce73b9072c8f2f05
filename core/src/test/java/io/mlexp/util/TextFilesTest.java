package io.mlexp.util;

import io.mlexp.check.InvalidInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one reader of untrusted text files: what it refuses before it reads a byte. */
class TextFilesTest {
    @TempDir
    Path repo;

    @Test
    void aFifoIsRefusedAtOnceInsteadOfWaitingForAWriterForever() throws Exception {
        var fifo = repo.resolve("record.md");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        var link = Files.createSymbolicLink(repo.resolve("linked.md"), fifo);

        for (var file : new Path[] {fifo, link}) {
            var read = CompletableFuture.supplyAsync(() -> {
                try {
                    TextFiles.readUtf8(file, file.getFileName().toString(), 1000);
                    return "read";
                } catch (InvalidInputException e) {
                    return e.getMessage();
                }
            });
            assertThat(read.get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS))
                    .contains("is not a regular file (a FIFO, a device or a socket)");
        }
    }

    @Test
    void aFileOfARepositoryThatLeadsOutsideThroughALinkIsNeverRead() throws Exception {
        Files.createDirectories(repo.resolve(".git"));
        var outside = Files.writeString(Files.createTempFile("secret-", ".txt"), "root:x:0:0:the first line of a secret\n");
        try {
            var link = Files.createSymbolicLink(repo.resolve(".mlexp.yml"), outside);
            var inside = Files.createSymbolicLink(repo.resolve("alias.md"), Files.writeString(repo.resolve("real.md"), "# EXP-001\n"));

            assertThatThrownBy(() -> TextFiles.readUtf8(link, ".mlexp.yml", 1000)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("leads outside the repository through a symbolic link").hasMessageNotContaining("root:x");
            assertThatThrownBy(() -> TextFiles.forEachLine(link, ".mlexp.yml", 1000, 100, (number, line) -> { }))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("leads outside the repository");
            assertThat(TextFiles.readUtf8(inside, "alias.md", 1000)).isEqualTo("# EXP-001\n");
            assertThat(TextFiles.readUtf8(outside, outside.toString(), 1000)).as("a file named outside any repository")
                    .startsWith("root:x");
        } finally {
            Files.deleteIfExists(outside);
        }
    }
}
