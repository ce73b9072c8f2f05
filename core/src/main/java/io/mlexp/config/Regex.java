package io.mlexp.config;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A regular expression from the config, equal to another when written the same way. */
public final class Regex {
    private final Pattern pattern;

    private Regex(Pattern pattern) {
        this.pattern = pattern;
    }

    /** Compiles an expression; throws {@link IllegalArgumentException} saying where it is wrong. */
    public static Regex compile(String expression) {
        try {
            return new Regex(Pattern.compile(expression));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression '" + expression + "': "
                    + e.getDescription() + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : ""), e);
        }
    }

    public Pattern pattern() {
        return pattern;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Regex regex && regex.pattern.pattern().equals(pattern.pattern());
    }

    @Override
    public int hashCode() {
        return pattern.pattern().hashCode();
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }
}
