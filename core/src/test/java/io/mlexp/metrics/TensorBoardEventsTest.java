package io.mlexp.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TensorBoard event files as an independent writer (Python's protobuf, TensorFlow's messages) writes them, whole, torn and corrupt. */
class TensorBoardEventsTest {
    @TempDir
    Path dir;
    private String python;

    @BeforeEach
    void python() {
        var found = EventFileWriter.python();
        assumeTrue(found.isPresent(), "no python3 with protobuf on this machine (Debian: apt-get install python3-protobuf)");
        python = found.get();
    }

    @Test
    void theScalarsOfEveryStepAreReadWithTheirStepsAsSummaryWriterWritesThem() {
        var file = EventFileWriter.write(python, dir.resolve("events.out.tfevents.1700000000.host.1.0"), 50, "--tags", "loss,acc");

        var samples = new ArrayList<Sample>();
        var read = TensorBoardEvents.forEach(file, "runs/a/events", samples::add);

        assertThat(read.problem()).isEmpty();
        assertThat(read.events()).isEqualTo(101); // the file version, then one event per scalar
        assertThat(samples).hasSize(50);
        assertThat(samples.get(0).step()).isZero();
        assertThat(samples.get(0).values()).containsEntry("loss", 2.0).containsEntry("acc", 3.0);
        assertThat(samples.get(49).step()).isEqualTo(49);
        assertThat(samples.get(49).values().get("loss")).isCloseTo(2.0 / 50, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(read.wallSeconds()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void scalarTensorsAsNewerWritersStoreThemAreScalarsToo() {
        var file = EventFileWriter.write(python, dir.resolve("events.out.tfevents.1.host"), 10, "--tensor");

        var samples = MetricsReader.read(file, "events");

        assertThat(samples).hasSize(10).allSatisfy(sample -> assertThat(sample.values()).containsKey("loss"));
        assertThat(samples.get(1).values().get("loss")).isEqualTo(1.0);
    }

    @Test
    void aTornLastRecordIsReportedWithItsByteOffsetAndEveryEarlierStepIsKept() throws Exception {
        var whole = EventFileWriter.write(python, dir.resolve("whole.tfevents"), 20);
        var torn = EventFileWriter.write(python, dir.resolve("torn.tfevents"), 20, "--torn");
        long lastRecord = lastRecordOffset(Files.readAllBytes(whole));

        var samples = new ArrayList<Sample>();
        var read = TensorBoardEvents.forEach(torn, "runs/torn.tfevents", samples::add);

        assertThat(samples).hasSize(19);
        assertThat(read.problem()).hasValueSatisfying(problem -> {
            assertThat(problem.location().file()).isEqualTo("runs/torn.tfevents");
            assertThat(problem.message()).contains("ends inside the record at byte " + lastRecord).contains("the 20 records before it were read");
        });
    }

    @Test
    void aRecordWhoseDataChecksumFailsEndsTheReadingAtItsOffset() throws Exception {
        var whole = Files.readAllBytes(EventFileWriter.write(python, dir.resolve("whole.tfevents"), 20));
        var recordOffsets = recordOffsets(whole);
        long tenth = recordOffsets.get(10); // the file version, then steps 0..8 come before it
        var corrupt = EventFileWriter.write(python, dir.resolve("corrupt.tfevents"), 20, "--corrupt-at", String.valueOf(tenth + 14));

        var samples = new ArrayList<Sample>();
        var read = TensorBoardEvents.forEach(corrupt, "corrupt.tfevents", samples::add);

        assertThat(samples).extracting(Sample::step).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(read.problem()).hasValueSatisfying(problem -> assertThat(problem.message())
                .contains("the record at byte " + tenth + " is corrupt: the checksum of its data does not match"));
    }

    @Test
    void aRecordWhoseLengthChecksumFailsIsReportedAsSuch() throws Exception {
        var whole = Files.readAllBytes(EventFileWriter.write(python, dir.resolve("whole.tfevents"), 5));
        long third = recordOffsets(whole).get(3);
        var corrupt = EventFileWriter.write(python, dir.resolve("corrupt.tfevents"), 5, "--corrupt-at", String.valueOf(third + 1));

        var read = TensorBoardEvents.forEach(corrupt, "corrupt.tfevents", sample -> { });

        assertThat(read.problem()).hasValueSatisfying(problem -> assertThat(problem.message())
                .contains("the record at byte " + third + " is corrupt: the checksum of its length does not match"));
    }

    @Test
    void anEventFileIsKnownByItsContentWhateverItsName() {
        var file = EventFileWriter.write(python, dir.resolve("metrics.log"), 3);

        assertThat(MetricsFormat.of(file)).isEqualTo(MetricsFormat.TENSORBOARD);
        assertThat(MetricsReader.read(file, "metrics.log")).hasSize(3);
    }

    @Test
    void severalEventFilesOfOneRunAreReadInTurnAndDescribed() {
        var first = EventFileWriter.write(python, dir.resolve("events.out.tfevents.1.host"), 5);
        var second = EventFileWriter.write(python, dir.resolve("events.out.tfevents.2.host"), 7);

        var loaded = MetricsReader.load(List.of(first, second), path -> path.getFileName().toString());

        assertThat(loaded.samples()).hasSize(12);
        assertThat(loaded.description()).startsWith("TensorBoard, 2 files");
        assertThat(loaded.problems()).isEmpty();
    }

    private static long lastRecordOffset(byte[] file) {
        var offsets = recordOffsets(file);
        return offsets.get(offsets.size() - 1);
    }

    private static List<Long> recordOffsets(byte[] file) {
        var offsets = new ArrayList<Long>();
        var buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at < file.length; at += 16 + (int) buffer.getLong(at)) {
            offsets.add((long) at);
        }
        return offsets;
    }
}
