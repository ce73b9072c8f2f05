package io.mlexp.config;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A regular expression from the config, equal to another when written the same way. */
public final class Regex {
    private static final int MAX_LENGTH = 500;
    /** A quantified group that itself ends in a quantifier, such as (a+)+ or (\\w*)*: exponential backtracking. */
    private static final Pattern NESTED_QUANTIFIER = Pattern.compile("\\((?:[^()\\\\]|\\\\.)*[+*}]\\)(?:[+*]|\\{\\d*,)");

    private final Pattern pattern;

    private Regex(Pattern pattern) {
        this.pattern = pattern;
    }

    /** Compiles an expression; throws {@link IllegalArgumentException} saying where it is wrong. */
    public static Regex compile(String expression) {
        if (expression.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the regular expression is longer than " + MAX_LENGTH + " characters");
        }
        if (NESTED_QUANTIFIER.matcher(expression).find()) {
            // The config comes with a pull request; such an expression could stall every check that uses it.
            throw new IllegalArgumentException("invalid regular expression '" + expression
                    + "': a repeated group that itself ends in a repetition can take exponential time; drop one repetition");
        }
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
