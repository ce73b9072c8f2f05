package io.mlexp.config;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A regular expression from the config, equal to another when written the same way. It runs on RE2/J, whose matching
 * time is linear in the text's length whatever the expression ({@code (a+?)+?b}, {@code (a+){12}c}): the config comes
 * with a pull request, and no expression in it can stall a check. RE2 syntax: no backreferences or lookaround.
 */
public final class Regex {
    private static final int MAX_LENGTH = 500;

    private final Pattern pattern;

    private Regex(Pattern pattern) {
        this.pattern = pattern;
    }

    /** Compiles an expression; throws {@link IllegalArgumentException} saying where it is wrong. */
    public static Regex compile(String expression) {
        if (expression.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the regular expression is longer than " + MAX_LENGTH + " characters");
        }
        try {
            return new Regex(Pattern.compile(expression));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression '" + expression + "': " + e.getDescription()
                    + " (RE2 syntax: no backreferences or lookaround)", e);
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
