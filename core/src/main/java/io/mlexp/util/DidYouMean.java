package io.mlexp.util;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the closest known word for a misspelt one ("did you mean `feat`?"). */
public final class DidYouMean {
    private DidYouMean() {
    }

    /**
     * The candidate closest to {@code word} by edit distance, if it is close enough to be a typo:
     * at most a third of the word's length, and never more than 3 edits.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        var lower = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (var candidate : candidates) {
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.min(3, Math.max(1, (word.length() + 2) / 3));
        boolean prefix = best != null && (lower.startsWith(best.toLowerCase(Locale.ROOT))
                || best.toLowerCase(Locale.ROOT).startsWith(lower)) && lower.length() >= 3;
        if (best != null && (bestDistance <= allowed || prefix)) {
            return Optional.of(best);
        }
        return Optional.empty();
    }

    /** "did you mean `x`?" or, without a close candidate, the list of what is allowed. */
    public static String hint(String word, Collection<String> candidates) {
        return closest(word, candidates)
                .map(c -> "did you mean `" + c + "`?")
                .orElseGet(() -> "expected one of: " + String.join(", ", candidates));
    }

    /** Edits between two words, a swap of two neighbouring letters counting as one ("nwe" is one edit from "new"). */
    static int distance(String a, String b) {
        int[] beforePrevious = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    current[j] = Math.min(current[j], beforePrevious[j - 2] + 1);
                }
            }
            int[] oldest = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = oldest;
        }
        return previous[b.length()];
    }
}
