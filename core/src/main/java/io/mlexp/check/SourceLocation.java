package io.mlexp.check;

import java.util.Objects;

/**
 * Where a finding points: a file and, when known, a 1-based line and column.
 * Prints as {@code file:line:column}, the form editors and CI logs turn into links.
 */
public record SourceLocation(String file, int line, int column) {
    public static final int UNKNOWN = 0;

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must not be negative");
        }
    }

    public static SourceLocation of(String file) {
        return new SourceLocation(file, UNKNOWN, UNKNOWN);
    }

    public static SourceLocation of(String file, int line) {
        return new SourceLocation(file, line, UNKNOWN);
    }

    public boolean hasLine() {
        return line != UNKNOWN;
    }

    @Override
    public String toString() {
        if (line == UNKNOWN) {
            return file;
        }
        return column == UNKNOWN ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
