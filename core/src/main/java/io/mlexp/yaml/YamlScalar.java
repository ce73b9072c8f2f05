package io.mlexp.yaml;

import io.mlexp.check.SourceLocation;
import java.util.Objects;

/** A plain or quoted scalar as written, with the type YAML's core schema gives it. */
public record YamlScalar(String text, Kind kind, SourceLocation location) implements YamlNode {
    /** The type a scalar resolves to; quoted scalars are always {@link #STRING}. */
    public enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    public YamlScalar {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public long weight() {
        return 1;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean isNumber() {
        return kind == Kind.INTEGER || kind == Kind.FLOAT;
    }

    @Override
    public String describe() {
        return switch (kind) {
            case STRING -> "the text '" + abbreviate(text) + "'";
            case INTEGER, FLOAT -> "the number " + abbreviate(text);
            case BOOLEAN -> "the boolean " + text;
            case NULL -> "an empty value";
        };
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
