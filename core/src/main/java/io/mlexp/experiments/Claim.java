package io.mlexp.experiments;

import io.mlexp.config.ConfigValues;
import io.mlexp.check.SourceLocation;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A number a record or a tag's message states: {@code accuracy 78.2%}, {@code lr=0.001}. A percent is kept as written
 * and compared on either scale, since one script logs 0.782 and another 78.2.
 *
 * @param name     the name as written
 * @param text     the value as written
 * @param value    the number without its percent sign
 * @param percent  whether it was written with {@code %}
 * @param location where the value is written
 */
public record Claim(String name, String text, double value, boolean percent, SourceLocation location) {
    private static final Pattern NUMBER = Pattern.compile("\\s*([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(%?)\\s*");

    /** A claim when {@code text} is a number, optionally with {@code %} (table cells: {@code 78.20%}, {@code **0.91**}). */
    public static Optional<Claim> of(String name, String text, SourceLocation location) {
        var matcher = NUMBER.matcher(text.replace("*", "").replace("`", ""));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Claim(name.strip(), text.strip(), Double.parseDouble(matcher.group(1)), !matcher.group(2).isEmpty(),
                location));
    }

    /** Whether the claim holds for a measured value, on the scale the measurement uses. */
    public boolean holds(double measured, io.mlexp.config.RecordConfig.Tolerance tolerance) {
        return tolerance.holds(onScaleOf(measured), measured);
    }

    /**
     * The claimed number on the measurement's scale: 78.2% is 0.782 against a fraction and 78.2 against a percentage;
     * 78.2 without a sign against a fraction is read as a percentage too.
     */
    public double onScaleOf(double measured) {
        boolean measuredIsFraction = Math.abs(measured) <= 1.0;
        if (percent && measuredIsFraction) {
            return value / 100;
        }
        if (!percent && measuredIsFraction && Math.abs(value) > 1.0 && Math.abs(value) <= 100.0) {
            return value / 100;
        }
        return value;
    }

    /** The name as names are compared: {@link ConfigValues#normalise}. */
    public static String normalise(String name) {
        return ConfigValues.normalise(name);
    }
}
