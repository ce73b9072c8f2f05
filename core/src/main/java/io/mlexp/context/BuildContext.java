package io.mlexp.context;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Why a check runs: a branch push, a pull request or a tag. The CLI takes it from flags, the Jenkins
 * step from the build's environment ({@link #fromEnvironment}).
 *
 * @param kind   which of the three
 * @param base   the commit or ref the change is compared against (previous good build, PR target)
 * @param head   the commit or ref under test
 * @param tag    the tag name, for tag builds
 */
public record BuildContext(Kind kind, Optional<String> base, String head, Optional<String> tag) {
    /** The three contexts of the design. */
    public enum Kind {
        BRANCH("branch push"), PULL_REQUEST("pull request"), TAG("tag");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        public String label() {
            return this == PULL_REQUEST ? "pr" : name().toLowerCase(Locale.ROOT);
        }
    }

    public static BuildContext branch(Optional<String> previousGood, String head) {
        return new BuildContext(Kind.BRANCH, previousGood, head, Optional.empty());
    }

    public static BuildContext pullRequest(String target, String head) {
        return new BuildContext(Kind.PULL_REQUEST, Optional.of(target), head, Optional.empty());
    }

    public static BuildContext tag(String name, String head) {
        return new BuildContext(Kind.TAG, Optional.empty(), head, Optional.of(name));
    }

    /**
     * Reads the variables Jenkins multibranch sets: {@code TAG_NAME} for a tag, {@code CHANGE_ID} with
     * {@code CHANGE_TARGET} for a pull request, else a branch push from {@code GIT_PREVIOUS_SUCCESSFUL_COMMIT}.
     */
    public static BuildContext fromEnvironment(Map<String, String> environment) {
        var head = value(environment, "GIT_COMMIT").orElse("HEAD");
        var tag = value(environment, "TAG_NAME");
        if (tag.isPresent()) {
            return tag(tag.get(), head);
        }
        if (value(environment, "CHANGE_ID").isPresent()) {
            var target = value(environment, "CHANGE_TARGET").orElse("main");
            return pullRequest("origin/" + target, head);
        }
        return branch(value(environment, "GIT_PREVIOUS_SUCCESSFUL_COMMIT"), head);
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }

    public String describe() {
        return switch (kind) {
            case BRANCH -> "branch push " + base.map(b -> b + ".." + head).orElse(head);
            case PULL_REQUEST -> "pull request " + base.orElseThrow() + "..." + head;
            case TAG -> "tag " + tag.orElseThrow();
        };
    }
}
