package io.mlexp.config;

import com.google.re2j.Pattern;

/**
 * A path pattern with {@code .gitignore} semantics, matched against repository-relative paths
 * with {@code /} separators.
 *
 * <ul>
 *   <li>{@code *} any characters but {@code /}; {@code ?} one such character; {@code [a-z]} a class
 *       ({@code [!a]} negated); {@code {pt,pth}} alternatives;</li>
 *   <li>{@code **} any number of directories, alone between slashes: {@code data/**}, {@code **}{@code /cache/**};</li>
 *   <li>a pattern without a slash matches a file or directory of that name at any depth
 *       ({@code *.pth} matches {@code out/best.pth}); with a slash it is anchored at the root.</li>
 * </ul>
 *
 * <p>Like Git's own matcher, it first looks for the longest run of plain characters the pattern
 * requires ({@code .pth} in {@code *.pth}): most paths lack it, and are refused without running the
 * regular expression.</p>
 *
 * <p>The expression runs on RE2/J, in time linear in the path's length: a pattern of many stars
 * ({@code *a*a*a*a*a*b}) from a pull request's config cannot stall the pre-commit hook.</p>
 */
public record Glob(String pattern, Pattern regex, String requiredText) {
    /** Compiles a pattern; throws {@link IllegalArgumentException} saying what is wrong and where. */
    public static Glob compile(String pattern) {
        if (pattern.isBlank()) {
            throw new IllegalArgumentException("an empty pattern matches nothing");
        }
        var body = pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
        boolean anchored = body.contains("/");
        if (body.startsWith("/")) {
            body = body.substring(1);
        }
        var regex = new StringBuilder(anchored ? "" : "(?:.*/)?");
        var required = translate(body, pattern, regex);
        regex.append("(?:/.*)?");
        return new Glob(pattern, Pattern.compile(regex.toString()), required);
    }

    public boolean matches(String relativePath) {
        return relativePath.contains(requiredText) && regex.matcher(relativePath).matches();
    }

    /** Appends the regular expression of {@code body}, and returns the longest run of plain characters. */
    private static String translate(String body, String pattern, StringBuilder regex) {
        int braces = 0;
        var longest = "";
        var run = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (braces > 0 || "*?[{},".indexOf(c) >= 0) { // the run of plain characters ends
                longest = run.length() > longest.length() ? run.toString() : longest;
                run.setLength(0);
            }
            switch (c) {
                case '*' -> i = star(body, i, pattern, regex);
                case '?' -> regex.append("[^/]");
                case '[' -> i = characterClass(body, i, pattern, regex);
                case '{' -> {
                    braces++;
                    regex.append("(?:");
                }
                case '}' -> {
                    if (braces == 0) {
                        throw error(pattern, "'}' without a matching '{'");
                    }
                    braces--;
                    regex.append(')');
                }
                case ',' -> regex.append(braces > 0 ? "|" : ",");
                case '\\' -> {
                    if (i + 1 == body.length()) {
                        throw error(pattern, "ends with a lone backslash");
                    }
                    if (braces == 0) {
                        run.append(body.charAt(i + 1));
                    }
                    regex.append(Pattern.quote(String.valueOf(body.charAt(++i))));
                }
                default -> {
                    if (braces == 0) {
                        run.append(c);
                    }
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
        }
        if (braces > 0) {
            throw error(pattern, "'{' is never closed");
        }
        return run.length() > longest.length() ? run.toString() : longest;
    }

    private static int star(String body, int i, String pattern, StringBuilder regex) {
        if (i + 1 < body.length() && body.charAt(i + 1) == '*') {
            boolean startsSegment = i == 0 || body.charAt(i - 1) == '/';
            boolean endsSegment = i + 2 == body.length() || body.charAt(i + 2) == '/';
            if (!startsSegment || !endsSegment) {
                throw error(pattern, "'**' must stand alone between slashes, as in 'data/**' or '**/cache'");
            }
            if (i + 2 == body.length()) {
                regex.append(".*");
                return i + 1;
            }
            regex.append("(?:.*/)?");
            return i + 2;
        }
        regex.append("[^/]*");
        return i;
    }

    private static int characterClass(String body, int start, String pattern, StringBuilder regex) {
        int end = body.indexOf(']', start + 2);
        if (end < 0) {
            throw error(pattern, "'[' is never closed");
        }
        var content = body.substring(start + 1, end);
        if (content.contains("/")) {
            throw error(pattern, "a character class cannot contain '/'");
        }
        regex.append('[');
        if (content.startsWith("!") || content.startsWith("^")) {
            regex.append('^');
            content = content.substring(1);
        }
        regex.append(content.replace("\\", "\\\\").replace("[", "\\[").replace("&&", "\\&\\&")).append(']');
        return end;
    }

    private static IllegalArgumentException error(String pattern, String problem) {
        return new IllegalArgumentException("invalid pattern '" + pattern + "': " + problem);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Glob glob && glob.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
