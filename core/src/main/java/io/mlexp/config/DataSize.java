package io.mlexp.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A size as written in the config: {@code 5MB}, {@code 512KiB}, {@code 1GB}, or a plain number of
 * bytes. KB/MB/GB are powers of 1000, KiB/MiB/GiB powers of 1024, as the SI and IEC say.
 */
public record DataSize(long bytes, String text) {
    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]i?b|b)?", Pattern.CASE_INSENSITIVE);

    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size must not be negative");
        }
    }

    /** Parses a size; throws {@link IllegalArgumentException} with a user-facing message. */
    public static DataSize parse(String text) {
        var trimmed = text.trim();
        if (trimmed.startsWith("-")) {
            throw new IllegalArgumentException("a size must not be negative, found '" + text + "'");
        }
        var matcher = FORMAT.matcher(trimmed);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write e.g. 5MB, 512KiB or 1GB");
        }
        var unit = matcher.group(2) == null ? "b" : matcher.group(2).toLowerCase(Locale.ROOT);
        double factor = switch (unit) {
            case "b" -> 1;
            case "kb" -> 1e3;
            case "mb" -> 1e6;
            case "gb" -> 1e9;
            case "tb" -> 1e12;
            case "kib" -> 1024d;
            case "mib" -> 1024d * 1024;
            case "gib" -> 1024d * 1024 * 1024;
            case "tib" -> 1024d * 1024 * 1024 * 1024;
            default -> throw new IllegalArgumentException("unknown size unit '" + matcher.group(2) + "'");
        };
        double value = Double.parseDouble(matcher.group(1)) * factor;
        if (value >= Long.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return new DataSize((long) value, trimmed);
    }

    @Override
    public String toString() {
        return text;
    }
}
