package io.mlexp.util;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads untrusted text files strictly: UTF-8 only (an invalid byte is reported with its line and
 * column), a size bound checked before reading, a leading BOM dropped, and directories refused.
 */
public final class TextFiles {
    private TextFiles() {
    }

    public static String readUtf8(Path file, String displayName, long maxBytes) {
        return withFile(file, displayName, maxBytes, in -> {
            var bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw InvalidInputException.of("file-too-large", SourceLocation.of(displayName),
                        "file is larger than the limit of " + maxBytes + " bytes");
            }
            return decodeUtf8(bytes, displayName);
        });
    }

    /** Takes the lines of a file one at a time, numbered from 1. */
    @FunctionalInterface
    public interface LineConsumer {
        void accept(int number, String line);
    }

    /** Hears of a line that a lenient reader skipped, and why. */
    @FunctionalInterface
    public interface SkippedLine {
        void skipped(int number, String why);
    }

    /**
     * Streams a file's lines, each decoded as strictly as {@link #readUtf8} decodes a whole file, so
     * that a long file costs only a line's memory; CR before LF is dropped. A line longer than
     * {@code maxLineBytes} is refused.
     */
    public static void forEachLine(Path file, String displayName, long maxBytes, int maxLineBytes, LineConsumer consumer) {
        forEachLine(file, displayName, maxBytes, maxLineBytes, consumer, null);
    }

    /**
     * The same, for a file whose lines stand alone (an append-only log): a line longer than {@code maxLineBytes} is
     * skipped without being held in memory, and one that is not UTF-8 is skipped too; {@code skipped} hears of each.
     */
    public static void forEachLine(Path file, String displayName, long maxBytes, int maxLineBytes, LineConsumer consumer,
            @Nullable SkippedLine skipped) {
        // a line is too long only where skipped lines are allowed: without them, it is refused at once
        SkippedLine onSkip = skipped == null ? (number, why) -> { } : skipped;
        withFile(file, displayName, maxBytes, in -> {
            var buffer = new byte[1 << 16];
            var line = new ByteArrayOutputStream();
            int number = 1;
            boolean tooLong = false;
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                int from = 0;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        if (tooLong) {
                            onSkip.skipped(number, "the line is longer than " + maxLineBytes + " bytes");
                        } else if (line.size() == 0) {
                            accept(consumer, skipped, displayName, number, buffer, from, i - from); // the usual line: in the buffer
                        } else {
                            line.write(buffer, from, i - from);
                            accept(consumer, skipped, displayName, number, line.toByteArray());
                        }
                        line.reset();
                        tooLong = false;
                        number++;
                        from = i + 1;
                    }
                }
                if (!tooLong) {
                    line.write(buffer, from, read - from);
                }
                if (!tooLong && line.size() > maxLineBytes) {
                    if (skipped == null) {
                        throw InvalidInputException.of("file-line-too-long", new SourceLocation(displayName, number, maxLineBytes + 1),
                                "line is longer than the limit of " + maxLineBytes + " bytes");
                    }
                    tooLong = true;
                    line.reset();
                }
            }
            if (tooLong) {
                onSkip.skipped(number, "the line is longer than " + maxLineBytes + " bytes");
            } else if (line.size() > 0) {
                accept(consumer, skipped, displayName, number, line.toByteArray());
            }
            return number;
        });
    }

    private static void accept(LineConsumer consumer, @Nullable SkippedLine skipped, String displayName, int number, byte[] bytes) {
        accept(consumer, skipped, displayName, number, bytes, 0, bytes.length);
    }

    private static void accept(LineConsumer consumer, @Nullable SkippedLine skipped, String displayName, int number, byte[] bytes, int offset,
            int length) {
        String text;
        try {
            text = decodeLine(bytes, offset, length, displayName, number);
        } catch (InvalidInputException e) {
            if (skipped == null) {
                throw e;
            }
            skipped.skipped(number, e.findings().get(0).message());
            return;
        }
        consumer.accept(number, text);
    }

    private interface FileWork<T> {
        T apply(InputStream in) throws IOException;
    }

    /** Work on a file that passed the checks of {@link #withRegularFile}. */
    @FunctionalInterface
    public interface CheckedFileWork<T> {
        T apply(Path file) throws IOException;
    }

    private static <T> T withFile(Path file, String displayName, long maxBytes, FileWork<T> work) {
        return withRegularFile(file, displayName, maxBytes, checked -> {
            try (InputStream in = Files.newInputStream(checked)) {
                return work.apply(in);
            }
        });
    }

    /**
     * Works on a regular file no larger than {@code maxBytes}; every failure becomes a finding on the file. A FIFO, a
     * device or a socket is refused before it is opened (opening a FIFO waits for a writer forever), and so is a file
     * of a repository that leads outside it through a symbolic link: its content is never read. Binary readers (event
     * files) use it as the text readers do.
     */
    public static <T> T withRegularFile(Path file, String displayName, long maxBytes, CheckedFileWork<T> work) {
        var location = SourceLocation.of(displayName);
        try {
            var attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                throw InvalidInputException.of("file-unreadable", location, "is a directory, expected a file");
            }
            if (!attributes.isRegularFile()) {
                throw InvalidInputException.of("file-unreadable", location,
                        "is not a regular file (a FIFO, a device or a socket); mlexp reads only regular files");
            }
            RepoPaths.requireNoEscape(file, location);
            if (attributes.size() > maxBytes) {
                throw InvalidInputException.of("file-too-large", location,
                        "file is " + attributes.size() + " bytes, larger than the limit of " + maxBytes + " bytes");
            }
            return work.apply(file);
        } catch (NoSuchFileException e) {
            throw InvalidInputException.of("file-missing", location, "file not found", e);
        } catch (AccessDeniedException e) {
            throw InvalidInputException.of("file-unreadable", location, "permission denied", e);
        } catch (IOException e) {
            throw InvalidInputException.of("file-unreadable", location, "cannot read: " + e.getMessage(), e);
        }
    }

    private static String decodeLine(byte[] bytes, int offset, int length, String displayName, int number) {
        int end = length > 0 && bytes[offset + length - 1] == '\r' ? offset + length - 1 : offset + length;
        if (isPlainAscii(bytes, offset, end)) {
            return new String(bytes, offset, end - offset, StandardCharsets.ISO_8859_1); // most lines: no decoder needed
        }
        try {
            return decodeUtf8(Arrays.copyOfRange(bytes, offset, end), displayName);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.findings().stream()
                    .map(finding -> new Finding(finding.ruleId(), finding.severity(),
                            new SourceLocation(displayName, number, finding.location().column()), finding.message(), finding.hint()))
                    .toList(), e);
        }
    }

    /** Whether the bytes are ASCII without NUL: UTF-8 that decodes to the same characters, one a byte. */
    private static boolean isPlainAscii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] <= 0) {
                return false;
            }
        }
        return true;
    }

    /** Decodes UTF-8 strictly; a leading byte order mark is dropped. */
    public static String decodeUtf8(byte[] bytes, String displayName) {
        if (isPlainAscii(bytes, 0, bytes.length)) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var in = ByteBuffer.wrap(bytes);
        var out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            throw invalidUtf8(out, in.position(), displayName);
        }
        try {
            result = decoder.flush(out);
            if (result.isError()) {
                result.throwException();
            }
        } catch (CharacterCodingException e) {
            out.flip();
            throw invalidUtf8(out, bytes.length, displayName, e);
        }
        out.flip();
        var text = out.toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            out.limit(nul);
            var at = positionAfter(out);
            throw InvalidInputException.of("file-nul", new SourceLocation(displayName, at[0], at[1]),
                    "holds a NUL byte, so it is binary, not text; save it as UTF-8 text");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Line and column (from 1) just after {@code decoded}'s content. */
    private static int[] positionAfter(CharBuffer decoded) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < decoded.limit(); i++) {
            if (decoded.get(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    private static InvalidInputException invalidUtf8(CharBuffer decoded, int byteOffset, String displayName) {
        return invalidUtf8(decoded, byteOffset, displayName, null);
    }

    private static InvalidInputException invalidUtf8(CharBuffer decoded, int byteOffset, String displayName, @Nullable Throwable cause) {
        var at = positionAfter(decoded);
        var invalid = InvalidInputException.of("file-encoding", new SourceLocation(displayName, at[0], at[1]),
                "not valid UTF-8 (byte offset " + byteOffset + "); save the file as UTF-8");
        if (cause != null) {
            invalid.initCause(cause);
        }
        return invalid;
    }
}
