package io.mlexp.yaml;

import io.mlexp.check.SourceLocation;

/**
 * A YAML value that remembers where it was written, so that every message about it can name
 * file, line and column. Immutable; aliases share the node they refer to.
 */
public sealed interface YamlNode permits YamlMapping, YamlSequence, YamlScalar {
    SourceLocation location();

    /** Number of nodes in this value once aliases are expanded; bounds alias bombs. */
    long weight();

    /** What this value is, for messages: "a mapping", "a list", "the number 3". */
    String describe();
}
