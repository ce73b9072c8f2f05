package io.mlexp.record;

import io.mlexp.config.RecordSection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises section headings the way people write them: {@code ## Goal}, {@code ## goals:},
 * {@code ## 目标：}, {@code ## Hyper-parameters}, {@code ## 超参数 (Hyperparameters)}, {@code ## ID: Goal}.
 * Case, spacing, hyphens, a trailing colon and a plural "s" do not matter; a heading that gives both
 * languages, split by a slash or parentheses, matches by either part.
 */
final class SectionNames {
    private static final Pattern PARTS = Pattern.compile("[/|()（）]");
    private static final Pattern ID_PREFIX = Pattern.compile("^\\s*(实验\\s*)?id\\s*[:：]", Pattern.CASE_INSENSITIVE);
    private static final Pattern IGNORED = Pattern.compile("[\\s\\-_:：.]+");

    private SectionNames() {
    }

    static Optional<RecordSection> match(String heading) {
        for (var part : PARTS.split(ID_PREFIX.matcher(heading).replaceFirst(""))) {
            var name = normalise(part);
            if (name.isEmpty()) {
                continue;
            }
            for (var section : RecordSection.values()) {
                if (singular(name).equals(singular(normalise(section.english())))
                        || name.equals(normalise(section.chinese()))) {
                    return Optional.of(section);
                }
            }
        }
        return Optional.empty();
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    /** Lower case, without spaces, hyphens, underscores, colons or dots. */
    static String normalise(String text) {
        return IGNORED.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
