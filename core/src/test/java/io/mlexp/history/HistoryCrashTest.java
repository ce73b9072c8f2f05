package io.mlexp.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.check.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history under concurrent writers in separate JVMs, and under SIGKILL at random moments: every
 * acknowledged append survives, at most the entry in flight is lost, and the file stays readable.
 */
class HistoryCrashTest {
    private static final int WRITERS = 8;
    private static final int APPENDS = 1_000;
    private static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    void eightWriterProcessesOfAThousandAppendsLeave8000IntactEntries() throws Exception {
        long start = System.nanoTime();
        var writers = new ArrayList<Process>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(writer("w" + w, APPENDS).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        for (var writer : writers) {
            assertThat(writer.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(writer.exitValue()).isZero();
        }

        var loaded = History.at(dir).read();
        System.out.printf("history: %d writer processes x %d appends: %d entries, %d warnings, %.1f s%n", WRITERS, APPENDS,
                loaded.entries().size(), loaded.warnings().size(), (System.nanoTime() - start) / 1e9);

        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.entries()).hasSize(WRITERS * APPENDS);
        var tags = new HashSet<String>();
        loaded.entries().forEach(entry -> tags.add(entry.label()));
        assertThat(tags).hasSize(WRITERS * APPENDS).contains("w0-0", "w7-999");
    }

    @Test
    void aWriterKilledAtRandomMomentsLosesAtMostTheEntryInFlight() throws Exception {
        var random = new Random(8);
        int acknowledged = 0;
        int possiblyInFlight = 0;
        for (int round = 0; round < KILLS; round++) {
            // Acknowledgements go to a file, not a pipe: a pipe's unread bytes can be dropped when the JVM
            // closes it after the writer dies, which would undercount what was acknowledged.
            var acknowledgements = dir.resolve("acknowledged-" + round + ".txt");
            var process = writer("k" + round, Integer.MAX_VALUE).redirectOutput(acknowledgements.toFile()).start();
            while (acknowledged(acknowledgements) < 5) { // let it reach the append loop, then kill it 0-40 ms later
                assertThat(process.isAlive()).as("the writer runs").isTrue();
                Thread.sleep(1);
            }
            Thread.sleep(random.nextInt(40));
            process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            acknowledged += acknowledged(acknowledgements);
            possiblyInFlight++;

            var loaded = History.at(dir).read();
            assertThat(loaded.entries().size()).as("after kill %d", round + 1)
                    .isBetween(acknowledged, acknowledged + possiblyInFlight);
            assertThat(loaded.warnings()).extracting(Finding::ruleId).allMatch(rule -> rule.equals("history-torn-line"));
        }
        var last = History.at(dir).read();
        System.out.printf("history: %d SIGKILLs: %d appends acknowledged, %d entries on disk, %d torn lines%n", KILLS, acknowledged,
                last.entries().size(), last.warnings().size());
        assertThat(acknowledged).isGreaterThan(KILLS * 5);
    }

    @Test
    void anImportKilledWhileWritingLandsWholeOrNotAtAll() throws Exception {
        var random = new Random(17);
        int imported = 0;
        int possiblyInFlight = 0;
        for (int round = 0; round < 6; round++) {
            var acknowledgements = dir.resolve("imported-" + round + ".txt");
            var process = importer("i" + round).redirectOutput(acknowledgements.toFile()).start();
            while (acknowledged(acknowledgements) < 1) {
                assertThat(process.isAlive()).as("the importer runs").isTrue();
                Thread.sleep(1);
            }
            Thread.sleep(random.nextInt(1000));
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            imported += acknowledged(acknowledgements);
            possiblyInFlight++;

            var loaded = History.at(dir).read();
            assertThat(loaded.warnings()).as("no torn line after kill %d", round + 1).isEmpty();
            assertThat(loaded.entries().size() % IMPORT).as("whole imports only").isZero();
            assertThat(loaded.entries().size() / IMPORT).isBetween(imported, imported + possiblyInFlight);
        }
        try (var temporaries = java.nio.file.Files.list(dir)) {
            assertThat(temporaries.map(Path::toString).filter(name -> name.endsWith(".tmp")).count())
                    .as("temporary files killed imports left: the next import removes them").isLessThanOrEqualTo(1);
        }
        System.out.printf("history: 6 SIGKILLs during imports of %d entries: %d imports acknowledged, %d entries, 0 torn lines%n",
                IMPORT, imported, History.at(dir).read().entries().size());
    }

    private static final int IMPORT = 20_000;

    private ProcessBuilder importer(String prefix) {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Importer.class.getName(), dir.toString(), prefix).redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    /** An importer process: imports batches of {@value #IMPORT} entries, printing {@code ok N} once each has returned. */
    public static final class Importer {
        public static void main(String[] args) {
            var history = History.at(Path.of(args[0]));
            for (int batch = 0; ; batch++) {
                var entries = new ArrayList<HistoryEntry>();
                for (int i = 0; i < IMPORT; i++) {
                    entries.add(HistoryTest.entry(args[1] + "-" + batch + "-" + i, i / 1000.0));
                }
                history.appendAll(entries);
                System.out.println("ok " + batch);
                System.out.flush();
            }
        }
    }

    /** How many {@code ok N} lines the writer has written, whole lines only. */
    private static int acknowledged(Path file) throws java.io.IOException {
        if (!java.nio.file.Files.exists(file)) {
            return 0;
        }
        var text = java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
        var whole = text.substring(0, text.lastIndexOf('\n') + 1);
        return (int) whole.lines().filter(line -> line.startsWith("ok ")).count();
    }

    private ProcessBuilder writer(String prefix, int count) {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Writer.class.getName(), dir.toString(), prefix, String.valueOf(count))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    /** A writer process: appends {@code count} entries, printing {@code ok N} once each append has returned. */
    public static final class Writer {
        public static void main(String[] args) {
            var history = History.at(Path.of(args[0]));
            int count = Integer.parseInt(args[2]);
            for (int i = 0; i < count; i++) {
                history.append(HistoryTest.entry(args[1] + "-" + i, i / 1000.0));
                System.out.println("ok " + i);
                System.out.flush();
            }
        }
    }
}
