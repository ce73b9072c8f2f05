package io.mlexp.run;

import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.context.BuildContext;
import io.mlexp.util.DidYouMean;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The stages of a run and the contexts each runs in (DESIGN.md, "Build contexts"). */
public enum Stage {
    CONFIG("the .mlexp.yml rules", EnumSet.allOf(BuildContext.Kind.class)),
    COMMITS("commit messages", EnumSet.of(BuildContext.Kind.BRANCH, BuildContext.Kind.PULL_REQUEST)),
    CONFIGS("training configs", EnumSet.allOf(BuildContext.Kind.class)),
    RECORD("experiment record", EnumSet.of(BuildContext.Kind.PULL_REQUEST, BuildContext.Kind.TAG)),
    SMOKE("smoke training", EnumSet.allOf(BuildContext.Kind.class)),
    PUBLISH("history, report and gates", EnumSet.of(BuildContext.Kind.PULL_REQUEST, BuildContext.Kind.TAG));

    private final String description;
    @SuppressWarnings("ImmutableEnumChecker") // an unmodifiable view of an EnumSet no one else holds
    private final Set<BuildContext.Kind> contexts;

    Stage(String description, Set<BuildContext.Kind> contexts) {
        this.description = description;
        this.contexts = java.util.Collections.unmodifiableSet(contexts);
    }

    public String description() {
        return description;
    }

    public boolean runsIn(BuildContext.Kind kind) {
        return contexts.contains(kind);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The stages these labels name ({@code commits}, {@code smoke}, …), as {@code --stages} and the
     * Jenkins step's {@code stages:} write them.
     *
     * @param where how an unknown label's finding names its source ({@code --stages})
     */
    public static Set<Stage> fromLabels(Iterable<String> labels, String where) {
        var labelsKnown = EnumSet.allOf(Stage.class).stream().map(Stage::label).toList();
        var selected = EnumSet.noneOf(Stage.class);
        for (var name : labels) {
            selected.add(EnumSet.allOf(Stage.class).stream().filter(s -> s.label().equals(name)).findFirst()
                    .orElseThrow(() -> InvalidInputException.of("option-value", SourceLocation.of(where),
                            "unknown stage '" + name + "'; " + DidYouMean.hint(name, labelsKnown))));
        }
        return selected;
    }
}
