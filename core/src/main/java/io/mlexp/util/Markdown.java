package io.mlexp.util;

/** Markdown that mlexp writes: text quoted into it, and the length a pull-request comment may have. */
public final class Markdown {
    /** GitHub's limit on a comment and on a check run's summary, in characters. */
    public static final int COMMENT_LIMIT = 65_535;

    private Markdown() {
    }

    /** Untrusted text in a table cell or a line: it cannot break the table, start markup or inject HTML. */
    public static String inline(String text) {
        var escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '|', '\\', '`', '*', '_', '[', ']', '<', '>', '#', '!' -> escaped.append('\\').append(c);
                case '\n', '\r' -> escaped.append(' ');
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * Text of the team's own in a table cell of a file people edit (a record template, docs): only what would break
     * the table is escaped, so that {@code batch_size} stays readable in the source.
     */
    public static String tableCell(String text) {
        return text.replace("|", "\\|").replace("\n", " ").replace("\r", " ");
    }

    /**
     * Markdown that must fit a comment: parts are added while they fit in {@link #COMMENT_LIMIT} less a reserve for what
     * follows them; the ones that do not are counted, so that the text can say how many are left out.
     */
    public static final class Bounded {
        @SuppressWarnings("PMD.AvoidStringBufferField") // a builder of one comment, dropped once it is written
        private final StringBuilder text;
        private final int reserve;
        private int omitted;

        public Bounded(String head, int reserve) {
            this.text = new StringBuilder(head);
            this.reserve = reserve;
        }

        /** Adds {@code part} when it fits; false (and counted) when it does not. */
        public boolean add(String part) {
            if (text.length() + part.length() > COMMENT_LIMIT - reserve) {
                omitted++;
                return false;
            }
            text.append(part);
            return true;
        }

        /** Adds text that must follow whatever fitted (a closing line); cut at the limit if it must be. */
        public Bounded append(CharSequence tail) {
            text.append(tail);
            return this;
        }

        public Bounded append(char c) {
            text.append(c);
            return this;
        }

        public int omitted() {
            return omitted;
        }

        public int length() {
            return text.length();
        }

        @Override
        public String toString() {
            return text.length() <= COMMENT_LIMIT ? text.toString() : text.substring(0, COMMENT_LIMIT);
        }
    }
}
