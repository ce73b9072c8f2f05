package io.mlexp.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mlexp.check.EnvironmentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history on a file system that is full, or read-only: the append says so in words and leaves the file as it was.
 * A 64 KiB tmpfs makes the full disk; that needs root and the mount command (CI runs as root).
 */
class HistoryFullDiskTest {
    @TempDir
    Path dir;
    private Path mount;

    @BeforeEach
    void tinyFileSystem() throws Exception {
        mount = Files.createDirectories(dir.resolve("fs"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString()) == 0,
                "cannot mount a tmpfs here (needs root): the full-disk and read-only cases are not tried");
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", mount.toString());
    }

    @Test
    void aFullDiskSaysSoAndLeavesTheHistoryAsItWas() throws Exception {
        var history = History.at(mount.resolve("history"));
        history.append(HistoryTest.entry("v1.0", 0.9));
        var before = Files.readAllBytes(history.file());
        Files.write(mount.resolve("filler"), new byte[60 * 1024 - before.length - 4096]);
        var metrics = new java.util.LinkedHashMap<String, Double>();
        IntStream.range(0, 400).forEach(i -> metrics.put("metric_with_a_long_name_" + i, i / 7.0));
        var big = new HistoryEntry(HistoryEntry.SCHEMA, Optional.of("v1.1"), "0123456789abcdef0123456789abcdef01234567",
                java.time.Instant.parse("2026-11-02T10:00:00Z"), "tag", metrics, Optional.empty(), Map.of(), Optional.empty());

        assertThatThrownBy(() -> history.append(big)).isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("cannot append to " + history.file() + ": the disk is full; the history is as it was before");
        assertThat(Files.readAllBytes(history.file())).isEqualTo(before);
        assertThatThrownBy(() -> history.appendAll(List.of(big, big))).isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("the disk is full");
        assertThat(Files.readAllBytes(history.file())).isEqualTo(before);
        assertThat(history.read().warnings()).isEmpty();
    }

    @Test
    void aReadOnlyHistorySaysSo() throws Exception {
        var history = History.at(mount.resolve("history"));
        history.append(HistoryTest.entry("v1.0", 0.9));
        assumeTrue(run("mount", "-o", "remount,ro", mount.toString()) == 0, "cannot remount read-only here");

        assertThatThrownBy(() -> history.append(HistoryTest.entry("v1.1", 0.91))).isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("cannot append to " + history.file() + ": the file system is read-only");
        assertThat(history.read().entries()).hasSize(1);
    }

    private static int run(String... command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
