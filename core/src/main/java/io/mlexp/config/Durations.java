package io.mlexp.config;

import java.time.Duration;
import java.util.regex.Pattern;

/** Durations as written in the config: {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 500ms}. */
public final class Durations {
    private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|h|m|s))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    private Durations() {
    }

    /** Parses a positive duration; throws {@link IllegalArgumentException} with a user-facing message. */
    public static Duration parse(String text) {
        var trimmed = text.trim();
        if (!WHOLE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 90s, 10m or 1h30m");
        }
        var total = Duration.ZERO;
        var matcher = PART.matcher(trimmed);
        try {
            while (matcher.find()) {
                long amount = Long.parseLong(matcher.group(1));
                total = total.plus(switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                });
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration", e);
        }
        if (total.isZero()) {
            throw new IllegalArgumentException("a duration must be longer than zero, found '" + text + "'");
        }
        return total;
    }

    /** The shortest form that {@link #parse} reads back, e.g. {@code 1h30m}. */
    public static String format(Duration duration) {
        var text = new StringBuilder();
        if (duration.toHours() > 0) {
            text.append(duration.toHours()).append('h');
        }
        if (duration.toMinutesPart() > 0) {
            text.append(duration.toMinutesPart()).append('m');
        }
        if (duration.toSecondsPart() > 0) {
            text.append(duration.toSecondsPart()).append('s');
        }
        if (duration.toMillisPart() > 0 || text.length() == 0) {
            text.append(duration.toMillisPart()).append("ms");
        }
        return text.toString();
    }
}
