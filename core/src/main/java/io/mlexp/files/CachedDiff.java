package io.mlexp.files;

import io.mlexp.check.EnvironmentException;
import io.mlexp.git.GitCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What is staged, as {@code git diff --cached} lists it: where {@link IndexAgainstHead} leaves the question to Git. */
final class CachedDiff {
    private static final String[] DIFF = {"diff", "--cached", "--raw", "-z", "--no-renames", "--no-abbrev",
        "--no-ext-diff", "--ignore-submodules=all", "--diff-filter=ACMT"};
    private static final String GITLINK_MODE = "160000";
    private static final String SYMBOLIC_LINK_MODE = "120000";

    private CachedDiff() {
    }

    static List<StagedEntry> read(Path root) {
        return entries(GitCommand.output(GitCommand.startReading(root, DIFF), root, DIFF));
    }

    /** {@code :oldmode newmode oldsha newsha status NUL path NUL}, repeated; submodules left out. */
    private static List<StagedEntry> entries(byte[] raw) {
        var entries = new ArrayList<StagedEntry>();
        int start = 0;
        while (start < raw.length) {
            int headerEnd = indexOf(raw, 0, start);
            int pathEnd = indexOf(raw, 0, headerEnd + 1);
            int newMode = indexOf(raw, ' ', start) + 1;
            int oldId = indexOf(raw, ' ', newMode) + 1;
            int newId = indexOf(raw, ' ', oldId) + 1;
            int status = indexOf(raw, ' ', newId) + 1;
            if (status >= headerEnd) {
                throw new EnvironmentException("git diff --cached wrote what mlexp cannot read: '"
                        + new String(raw, start, headerEnd - start, StandardCharsets.UTF_8) + "'");
            }
            var mode = new String(raw, newMode, oldId - 1 - newMode, StandardCharsets.US_ASCII);
            if (!mode.equals(GITLINK_MODE)) {
                entries.add(new StagedEntry(new String(raw, headerEnd + 1, pathEnd - headerEnd - 1, StandardCharsets.UTF_8),
                        new String(raw, newId, status - 1 - newId, StandardCharsets.US_ASCII), entries.size(),
                        mode.equals(SYMBOLIC_LINK_MODE)));
            }
            start = pathEnd + 1;
        }
        return entries;
    }

    private static int indexOf(byte[] bytes, int value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return bytes.length;
    }
}
