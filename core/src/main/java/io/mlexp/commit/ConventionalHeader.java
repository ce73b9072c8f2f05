package io.mlexp.commit;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a Conventional Commits header, {@code type(scope)!: description}, exactly as {@link #PATTERN}
 * would, but by hand: every commit of a range goes through it, and on the cold code a hook runs the
 * regular expression cost about ten times as much. Tests hold the two to the same answers.
 */
final class ConventionalHeader {
    /** What {@link #parse} implements. */
    static final Pattern PATTERN = Pattern.compile(
            "(?<type>[A-Za-z][\\w-]*)(?:\\((?<scope>[^()\\r\\n]*)\\))?(?<breaking>!)?:(?: (?<description>.*)|$)");

    /** The type, the scope (empty without one) and the description of a header that follows the convention. */
    record Parts(String type, String scope, String description) {
    }

    private ConventionalHeader() {
    }

    static Optional<Parts> parse(String header) {
        int length = header.length();
        if (length == 0 || !isAsciiLetter(header.charAt(0))) {
            return Optional.empty();
        }
        int at = 1;
        while (at < length && (isAsciiLetter(header.charAt(at)) || isDigitUnderscoreOrDash(header.charAt(at)))) {
            at++;
        }
        var type = header.substring(0, at);
        var scope = "";
        if (at < length && header.charAt(at) == '(') {
            int close = at + 1;
            while (close < length && "()\r\n".indexOf(header.charAt(close)) < 0) {
                close++;
            }
            if (close == length || header.charAt(close) != ')') {
                return Optional.empty();
            }
            scope = header.substring(at + 1, close);
            at = close + 1;
        }
        if (at < length && header.charAt(at) == '!') {
            at++;
        }
        if (at == length || header.charAt(at) != ':') {
            return Optional.empty();
        }
        at++;
        if (at == length) {
            return Optional.of(new Parts(type, scope, ""));
        }
        if (header.charAt(at) != ' ' || hasLineTerminator(header, at + 1)) {
            return Optional.empty();
        }
        return Optional.of(new Parts(type, scope, header.substring(at + 1)));
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigitUnderscoreOrDash(char c) {
        return (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /** What {@code .} does not match. */
    private static boolean hasLineTerminator(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
