package io.mlexp.files;

import io.mlexp.check.EnvironmentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@code git cat-file --batch} writes: {@code ID TYPE SIZE LF CONTENT LF} for each object
 * asked for, or {@code NAME missing LF}. Its own buffer rather than a {@code BufferedInputStream} read
 * byte by byte: a hook reads a thousand headers before the JIT has compiled anything.
 */
final class CatFileOutput {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;

    CatFileOutput(InputStream in) {
        this.in = in;
    }

    /** The size of the next object, which must be the blob {@code name} (a path or an ID) asked for. */
    long nextSize(String name) throws IOException {
        var header = line();
        int type = header.indexOf(' ') + 1;
        int size = header.indexOf(' ', type) + 1;
        if (type == 0 || size == 0 || !header.startsWith("blob ", type)) {
            throw new EnvironmentException("git cat-file could not read the staged " + name + ": " + header);
        }
        return Long.parseLong(header, size, header.length(), 10);
    }

    /** The content that follows a header, and the newline after it. */
    byte[] content(int size) throws IOException {
        var content = new byte[size];
        int copied = Math.min(size, limit - position);
        System.arraycopy(buffer, position, content, 0, copied);
        position += copied;
        while (copied < size) {
            int read = in.read(content, copied, size - copied);
            if (read < 0) {
                throw new IOException("git cat-file ended early");
            }
            copied += read;
        }
        if ((position == limit && !fill()) || buffer[position++] != '\n') {
            throw new IOException("git cat-file wrote no newline after an object");
        }
        return content;
    }

    private String line() throws IOException {
        int scanned = position;
        while (true) {
            for (int i = scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    var line = new String(buffer, position, i - position, StandardCharsets.US_ASCII);
                    position = i + 1;
                    return line;
                }
            }
            scanned = limit - position;
            if (!fill()) {
                throw new IOException("git cat-file ended early");
            }
            scanned += position;
        }
    }

    /** Moves what is unread to the front and reads more after it; false at the end of the output. */
    private boolean fill() throws IOException {
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        if (limit == buffer.length) {
            throw new IOException("git cat-file wrote a header line longer than " + buffer.length + " bytes");
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            return false;
        }
        limit += read;
        return true;
    }
}
