package io.mlexp.commit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A commit message as Git would store it: comment lines and everything below the scissors line
 * removed, trailing whitespace and surplus blank lines dropped ({@code git commit --cleanup=strip}).
 * Each kept line remembers its line number in the original text, so findings point into the file
 * the user is editing.
 */
public record CommitMessage(List<Line> lines) {
    /** One kept line and where it stood. */
    public record Line(int number, String text) {
    }

    /** What Git writes above its scissors line, after the comment character and a space. */
    static final String SCISSORS = "------------------------ >8 ------------------------";
    private static final String AUTO_CANDIDATES = "#;@!$%^&|:";

    public CommitMessage {
        lines = List.copyOf(lines);
    }

    /**
     * Cleans up a message the way Git does.
     *
     * @param commentChar {@code core.commentChar}: a character, "auto", or empty for the default '#'
     */
    public static CommitMessage parse(String text, String commentChar) {
        var raw = lines(text);
        var comment = commentPrefix(raw, commentChar);
        return clean(raw, comment, comment + " " + SCISSORS);
    }

    /**
     * A message from a commit object, as stored: Git cleaned it up when the commit was made, and a line that starts
     * with '#' is part of it ({@code git commit -m '#42 quick fix'} keeps it), so only blank lines are tidied.
     */
    public static CommitMessage ofCommit(String text) {
        return clean(lines(text), "", null);
    }

    private static CommitMessage clean(List<String> raw, String comment, @Nullable String scissors) {
        var kept = new ArrayList<Line>();
        for (int i = 0; i < raw.size(); i++) {
            var line = raw.get(i);
            if (line.equals(scissors)) { // null for a stored message
                break;
            }
            if (!comment.isEmpty() && line.startsWith(comment)) {
                continue;
            }
            var trimmed = stripTrailing(line);
            if (trimmed.isEmpty() && (kept.isEmpty() || kept.get(kept.size() - 1).text().isEmpty())) {
                continue;
            }
            kept.add(new Line(i + 1, trimmed));
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).text().isEmpty()) {
            kept.remove(kept.size() - 1);
        }
        return new CommitMessage(kept);
    }

    /** The lines between line feeds, a carriage return before one dropped (CRLF files). */
    private static List<String> lines(String text) {
        var lines = new ArrayList<String>();
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
            lines.add(text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end));
            start = end + 1;
        }
        lines.add(text.substring(start));
        return lines;
    }

    private static String commentPrefix(List<String> raw, String commentChar) {
        if (commentChar == null || commentChar.isEmpty()) {
            return "#";
        }
        if (!"auto".equals(commentChar)) {
            return commentChar;
        }
        // Git's "auto" chose a character that the user's text did not use, then wrote its template
        // comments with it: find the candidate that starts Git's template lines
        for (int i = 0; i < AUTO_CANDIDATES.length(); i++) {
            var prefix = String.valueOf(AUTO_CANDIDATES.charAt(i));
            for (var line : raw) {
                if (line.startsWith(prefix + " Please enter the commit message") || line.equals(prefix + " " + SCISSORS)) {
                    return prefix;
                }
            }
        }
        return "#";
    }

    private static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The first line, the subject (or header). */
    public Optional<Line> subject() {
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(0));
    }

    /** Every line after the subject, the blank separator included. */
    public List<Line> body() {
        return lines.isEmpty() ? List.of() : lines.subList(1, lines.size());
    }

    public String text() {
        return String.join("\n", lines.stream().map(Line::text).toList());
    }
}
