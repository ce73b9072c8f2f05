package io.mlexp.check;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one rule is, as users read it in {@code docs/rules.md} and {@code mlexp rules ID}: its ID, the severity it
 * reports at unless {@code .mlexp.yml}'s {@code rules:} says otherwise, a one-line summary, the {@code .mlexp.yml} keys
 * it reads, a longer explanation, and an input it passes and one it fails, which the contract test runs.
 *
 * @param family  which check runs it, and so what its examples are (a commit message, a file, a record, metrics)
 * @param keys    the {@code .mlexp.yml} keys whose values it reads; empty when nothing configures it
 */
public record Rule(String id, Family family, Severity severity, String summary, List<String> keys, String explanation,
        Example passing, Example failing) {
    /** The checks rules belong to; each takes its own kind of input. */
    public enum Family {
        COMMITS("commit messages", "a commit message"),
        FILES("staged files", "a file in the repository"),
        RECORDS("experiment records", "a Markdown record, or the message of an annotated tag (`refs/tags/…`)"),
        PULL_REQUESTS("pull requests and tags", "the message of the one commit a pull request adds, which changes the file named"),
        SMOKE("smoke runs", "the metrics a run logged, as JSON lines, or the fingerprint it wrote to `smoke.json`"),
        SMOKE_COMMANDS("smoke commands", "the script that `smoke.command` runs"),
        GATES("quality gates", "the history's previous and current entries, as JSON lines");

        private final String title;
        private final String input;

        Family(String title, String input) {
            this.title = title;
            this.input = input;
        }

        public String title() {
            return title;
        }

        /** What an example of this family is. */
        public String input() {
            return input;
        }
    }

    /**
     * One input of a rule's family.
     *
     * @param config the {@code .mlexp.yml} lines after {@code version: 1} the example needs (may be empty)
     * @param path   where the input lives: the message file, the staged path, the record's path
     * @param text   the input itself
     * @param files  other files of the repository the check may read (a training config a record names)
     */
    public record Example(String config, String path, String text, Map<String, String> files) {
        public Example {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(text, "text");
            files = Map.copyOf(files);
        }
    }

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        keys = List.copyOf(keys);
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(passing, "passing");
        Objects.requireNonNull(failing, "failing");
    }

    /** Starts a rule of {@code family} that reports errors; the builder's other steps are optional but the examples. */
    public static Builder error(String id, Family family, String summary) {
        return new Builder(id, family, Severity.ERROR, summary);
    }

    public static Builder warning(String id, Family family, String summary) {
        return new Builder(id, family, Severity.WARNING, summary);
    }

    /** Builds a {@link Rule} step by step, so that a catalogue reads as a list of rules. */
    public static final class Builder {
        private final String id;
        private final Family family;
        private final Severity severity;
        private final String summary;
        private List<String> keys = List.of();
        private String explanation = "";
        private String config = "";
        private Map<String, String> files = Map.of();
        private @Nullable Example passing;

        private Builder(String id, Family family, Severity severity, String summary) {
            this.id = id;
            this.family = family;
            this.severity = severity;
            this.summary = summary;
        }

        /** The {@code .mlexp.yml} keys the rule reads. */
        public Builder reads(String... configKeys) {
            this.keys = List.of(configKeys);
            return this;
        }

        public Builder explain(String text) {
            this.explanation = text;
            return this;
        }

        /** The {@code .mlexp.yml} lines both examples run with. */
        public Builder given(String yaml) {
            this.config = yaml;
            return this;
        }

        /** Other repository files both examples can read. */
        public Builder withFiles(Map<String, String> repositoryFiles) {
            this.files = repositoryFiles;
            return this;
        }

        public Builder passes(String path, String text) {
            this.passing = new Example(config, path, text, files);
            return this;
        }

        public Rule fails(String path, String text) {
            return new Rule(id, family, severity, summary, keys, explanation,
                    Objects.requireNonNull(passing, "passes(...) comes before fails(...)"), new Example(config, path, text, files));
        }
    }
}
