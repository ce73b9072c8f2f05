package io.mlexp.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {
    @TempDir
    Path dir;

    static HistoryEntry entry(String tag, double accuracy) {
        return new HistoryEntry(HistoryEntry.SCHEMA, Optional.of(tag), "0123456789abcdef0123456789abcdef01234567",
                Instant.parse("2026-11-01T10:00:00Z"), "tag", Map.of("accuracy", accuracy, "loss", 1 - accuracy),
                Optional.of(new HistoryEntry.SmokeSummary("passed", "embedded", 1.5)), Map.of("image", "pytorch:2.5.1@sha256:ab"),
                Optional.of("EXP-001"));
    }

    @Test
    void aHistoryFileThatIsALinkIsNeverWrittenThrough() throws Exception {
        var outside = Files.writeString(Files.createTempFile("outside-", ".txt"), "precious\n");
        try {
            Files.createDirectories(dir);
            Files.createSymbolicLink(dir.resolve(History.FILE), outside);

            assertThatThrownBy(() -> History.at(dir).append(entry("v1.0", 0.9)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("is a symbolic link");
            assertThatThrownBy(() -> History.at(dir).appendAll(List.of(entry("v1.0", 0.9), entry("v1.1", 0.91))))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("is a symbolic link");
            assertThat(Files.readString(outside)).isEqualTo("precious\n");
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void aHugeLineIsSkippedWithAWarningAndTheEntriesAroundItStay() throws Exception {
        var history = History.at(dir);
        history.append(entry("v1.0", 0.9));
        try (var out = Files.newOutputStream(history.file(), StandardOpenOption.APPEND)) {
            var chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 5; i++) {
                out.write(chunk); // a 5 MiB line, five times the longest entry mlexp reads
            }
            out.write('\n');
            out.write(new byte[] {(byte) 0xff, (byte) 0xfe, '\n'});
        }
        history.append(entry("v1.1", 0.91));

        var loaded = history.read();

        assertThat(loaded.entries()).extracting(HistoryEntry::label).containsExactly("v1.0", "v1.1");
        assertThat(loaded.warnings()).extracting(Finding::format).containsExactly(
                history.file() + ":2: warning: skipped: the line is longer than 1048576 bytes [history-entry]",
                history.file() + ":3: warning: skipped: not valid UTF-8 (byte offset 0); save the file as UTF-8 [history-entry]");
    }

    @Test
    void anImportLandsWholeAndLeavesNoTemporaryFile() throws Exception {
        var history = History.at(dir);
        history.append(entry("v0.9", 0.8));

        history.appendAll(IntStream.range(0, 500).mapToObj(i -> entry("i" + i, i / 1000.0)).toList());

        assertThat(history.read().entries()).hasSize(501).first().extracting(HistoryEntry::label).isEqualTo("v0.9");
        try (var files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(History.FILE, "history.lock");
        }
    }

    @Test
    void readsBackWhatItAppends() {
        var history = History.at(dir);
        history.append(entry("v1.0", 0.9));
        history.append(entry("v1.1", 0.92));

        var loaded = history.read();

        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.entries()).containsExactly(entry("v1.0", 0.9), entry("v1.1", 0.92));
    }

    @Test
    void skipsATornLastLineAndTheNextAppendKeepsEverything() throws Exception {
        var history = History.at(dir);
        history.append(entry("v1.0", 0.9));
        var torn = HistoryFormat.write(entry("v1.1", 0.91));
        Files.writeString(history.file(), torn.substring(0, torn.length() / 2), StandardOpenOption.APPEND);

        var afterCrash = history.read();
        history.append(entry("v1.2", 0.93));
        var afterAppend = history.read();

        assertThat(afterCrash.entries()).containsExactly(entry("v1.0", 0.9));
        assertThat(afterCrash.warnings()).extracting(Finding::ruleId).containsExactly("history-torn-line");
        assertThat(afterCrash.warnings().get(0).location().line()).isEqualTo(2);
        assertThat(afterAppend.entries()).containsExactly(entry("v1.0", 0.9), entry("v1.2", 0.93));
        assertThat(afterAppend.warnings()).extracting(Finding::ruleId).containsExactly("history-entry");
    }

    @Test
    void writersInOneProcessTakeTurns() throws Exception {
        var history = History.at(dir);
        var threads = IntStream.range(0, 8).mapToObj(t -> new Thread(() -> {
            for (int i = 0; i < 50; i++) {
                history.append(entry("t" + t + "-" + i, i / 100.0));
            }
        })).toList();
        threads.forEach(Thread::start);
        for (var thread : threads) {
            thread.join();
        }

        var loaded = history.read();

        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.entries()).hasSize(400);
    }

    @Test
    void writersInSeveralProcessesTakeTurns() throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var processes = new ArrayList<Process>();
        for (int p = 0; p < 3; p++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Appender.class.getName(),
                    dir.toString(), "p" + p, "100").inheritIO().start());
        }
        for (var process : processes) {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        }

        var loaded = History.at(dir).read();

        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.entries()).hasSize(300);
        assertThat(Files.readAllLines(History.at(dir).file(), StandardCharsets.UTF_8)).hasSize(300);
    }

    /** A separate writer process for {@link #writersInSeveralProcessesTakeTurns}. */
    public static final class Appender {
        public static void main(String[] args) {
            var history = History.at(Path.of(args[0]));
            for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                history.append(entry(args[1] + "-" + i, i / 1000.0));
            }
        }
    }

    @Test
    void anEmptyDirectoryIsAnEmptyHistory() {
        assertThat(History.at(dir.resolve("none")).read().entries()).isEmpty();
        assertThat(List.of(dir.resolve("none"))).allSatisfy(path -> assertThat(path).doesNotExist());
    }
}
