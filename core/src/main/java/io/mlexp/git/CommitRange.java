package io.mlexp.git;

import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * The commits reachable from {@code head} and from none of {@code bases}: {@code BASE..HEAD} (a side
 * left out means HEAD, as in git), or one revision with its bases given apart (for a new branch, the
 * remote's refs).
 */
public record CommitRange(String head, List<String> bases) {
    public CommitRange {
        bases = List.copyOf(bases);
    }

    public static CommitRange parse(String range, List<String> excludes) {
        var head = range;
        var bases = new ArrayList<String>();
        int dots = range.indexOf("..");
        if (dots >= 0) {
            if (range.startsWith("...", dots)) {
                throw refused(range, "symmetric ranges (A...B) are not supported; write BASE..HEAD");
            }
            bases.add(orHead(range.substring(0, dots)));
            head = orHead(range.substring(dots + 2));
        }
        bases.addAll(excludes);
        for (var revision : concat(head, bases)) {
            if (revision.isBlank() || revision.startsWith("-")) {
                throw refused(range, "not a revision: '" + revision + "'");
            }
        }
        return new CommitRange(head, bases);
    }

    private static String orHead(String side) {
        return side.isEmpty() ? "HEAD" : side;
    }

    private static List<String> concat(String head, List<String> bases) {
        var all = new ArrayList<String>(bases.size() + 1);
        all.add(head);
        all.addAll(bases);
        return all;
    }

    private static InvalidInputException refused(String range, String message) {
        return InvalidInputException.of("range", SourceLocation.of(range), message);
    }
}
