package io.mlexp.check;

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

/**
 * Reads untrusted text files strictly: UTF-8 only (an invalid byte is reported with its line and
 * column), a size bound checked before reading, a leading BOM dropped, and directories refused.
 */
public final class TextFiles {
    private TextFiles() {
    }

    public static String readUtf8(Path file, String displayName, long maxBytes) {
        var location = SourceLocation.of(displayName);
        try {
            if (Files.isDirectory(file)) {
                throw InvalidInputException.of("file-unreadable", location, "is a directory, expected a file");
            }
            if (Files.size(file) > maxBytes) {
                throw InvalidInputException.of("file-too-large", location,
                        "file is " + Files.size(file) + " bytes, larger than the limit of " + maxBytes + " bytes");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            if (bytes.length > maxBytes) {
                throw InvalidInputException.of("file-too-large", location,
                        "file is larger than the limit of " + maxBytes + " bytes");
            }
            return decodeUtf8(bytes, displayName);
        } catch (NoSuchFileException e) {
            throw InvalidInputException.of("file-missing", location, "file not found");
        } catch (AccessDeniedException e) {
            throw InvalidInputException.of("file-unreadable", location, "permission denied");
        } catch (IOException e) {
            throw InvalidInputException.of("file-unreadable", location, "cannot read: " + e.getMessage());
        }
    }

    /** Decodes UTF-8 strictly; a leading byte order mark is dropped. */
    public static String decodeUtf8(byte[] bytes, String displayName) {
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
            throw invalidUtf8(out, bytes.length, displayName);
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
        var at = positionAfter(decoded);
        return InvalidInputException.of("file-encoding", new SourceLocation(displayName, at[0], at[1]),
                "not valid UTF-8 (byte offset " + byteOffset + "); save the file as UTF-8");
    }
}
