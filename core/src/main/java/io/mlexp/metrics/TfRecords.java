package io.mlexp.metrics;

import io.mlexp.check.Finding;
import io.mlexp.check.SourceLocation;
import io.mlexp.util.TextFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The TFRecord framing of TensorBoard's event files: each record is a little-endian 64-bit length, the masked CRC32C of
 * those 8 bytes, the data, and the masked CRC32C of the data. Both checksums are checked. A file that ends inside a
 * record (a writer stopped mid-write) or a checksum that does not match ends the reading with a problem that names the
 * record's byte offset; every record before it has been handed on.
 */
public final class TfRecords {
    /** Records larger than this hold images or audio, never scalars: skipped without being read. */
    static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;
    /** The most of one file that is read; a longer file's later records are left with a warning. */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024 * 1024;
    private static final int HEADER_BYTES = 12;
    private static final int FOOTER_BYTES = 4;
    private static final int BUFFER_BYTES = 1024 * 1024;
    private static final int MASK_DELTA = 0xa282ead8;

    /** Takes one record's data: {@code length} bytes of {@code bytes} from {@code offset}. */
    @FunctionalInterface
    public interface RecordConsumer {
        void accept(byte[] bytes, int offset, int length, long fileOffset);
    }

    private TfRecords() {
    }

    /**
     * Hands every record of {@code file} to {@code each}, in order.
     *
     * @return the problem that ended the reading early (a warning naming the byte offset), or empty when the file
     *     ended cleanly after its last record
     */
    public static Optional<Finding> forEach(Path file, String displayName, RecordConsumer each) {
        return TextFiles.withRegularFile(file, displayName, Long.MAX_VALUE, checked -> {
            try (var channel = FileChannel.open(checked, StandardOpenOption.READ)) {
                return new Reading(channel, displayName, each).run();
            }
        });
    }

    /** TensorFlow's masked CRC32C, which keeps a checksum of data that holds checksums from being trivially valid. */
    static int maskedCrc32c(byte[] bytes, int offset, int length) {
        var crc = new CRC32C();
        crc.update(bytes, offset, length);
        int value = (int) crc.getValue();
        return ((value >>> 15) | (value << 17)) + MASK_DELTA;
    }

    /** Whether {@code head} starts with a record header whose length checksum holds: how event files are known by content. */
    static boolean startsWithRecord(byte[] head, int length) {
        return length >= HEADER_BYTES && ByteBuffer.wrap(head, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == maskedCrc32c(head, 0, 8);
    }

    private static final class Reading {
        private final FileChannel channel;
        private final String displayName;
        private final RecordConsumer each;
        private ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        /** The file offset of {@code buffer}'s position 0. */
        private long bufferStart;
        private long records;

        Reading(FileChannel channel, String displayName, RecordConsumer each) {
            this.channel = channel;
            this.displayName = displayName;
            this.each = each;
            buffer.limit(0);
        }

        Optional<Finding> run() throws IOException {
            while (true) {
                long offset = bufferStart + buffer.position();
                if (offset >= MAX_FILE_BYTES) {
                    return problem(offset, "only the first " + (MAX_FILE_BYTES >> 30) + " GiB of the file were read");
                }
                int available = fill(HEADER_BYTES);
                if (available == 0) {
                    return Optional.empty();
                }
                if (available < HEADER_BYTES) {
                    return torn(offset, "its header");
                }
                int at = buffer.position();
                long length = buffer.getLong(at);
                if (buffer.getInt(at + 8) != maskedCrc32c(buffer.array(), at, 8)) {
                    return problem(offset, "the record at byte " + offset + " is corrupt: the checksum of its length does not match");
                }
                if (length > MAX_RECORD_BYTES) {
                    if (!skip(offset, length)) {
                        return torn(offset, "its " + length + " bytes of data");
                    }
                    continue;
                }
                int whole = HEADER_BYTES + (int) length + FOOTER_BYTES;
                if (fill(whole) < whole) {
                    return torn(offset, "its " + length + " bytes of data and their checksum");
                }
                at = buffer.position();
                if (buffer.getInt(at + HEADER_BYTES + (int) length) != maskedCrc32c(buffer.array(), at + HEADER_BYTES, (int) length)) {
                    return problem(offset, "the record at byte " + offset + " is corrupt: the checksum of its data does not match");
                }
                buffer.position(at + whole);
                records++;
                each.accept(buffer.array(), at + HEADER_BYTES, (int) length, offset);
            }
        }

        /** Makes at least {@code bytes} bytes available from the position, where the file has them; returns how many are. */
        private int fill(int bytes) throws IOException {
            if (buffer.remaining() >= bytes) {
                return buffer.remaining();
            }
            if (bytes > buffer.capacity()) {
                var larger = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
                larger.put(buffer);
                buffer = larger;
            } else {
                buffer.compact();
            }
            bufferStart = channel.position() - buffer.position();
            while (buffer.position() < bytes && channel.read(buffer) > 0) {
                // reads until the record is whole or the file ends
            }
            buffer.flip();
            return buffer.remaining();
        }

        /** Skips a record too large to hold scalars; false when the file ends inside it. */
        private boolean skip(long offset, long length) throws IOException {
            long next = offset + HEADER_BYTES + length + FOOTER_BYTES;
            if (next > channel.size()) {
                return false;
            }
            channel.position(next);
            bufferStart = next;
            buffer.clear().limit(0);
            return true;
        }

        private Optional<Finding> torn(long offset, String missing) {
            return problem(offset, "the file ends inside the record at byte " + offset + ", without " + missing
                    + " (a writer stopped mid-write, or still writing)");
        }

        private Optional<Finding> problem(long offset, String message) {
            return Optional.of(Finding.warning("metrics-record", SourceLocation.of(displayName), message + String.format(Locale.ROOT,
                    "; the %,d records before it were read", records))
                    .withHint("the metrics before byte " + offset + " are used; a file still being written reads whole once its writer closes it"));
        }
    }
}
