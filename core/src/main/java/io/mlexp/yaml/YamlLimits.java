package io.mlexp.yaml;

/**
 * Bounds that keep hostile YAML cheap to refuse: file size, nesting depth, and the number of
 * nodes after anchors and aliases are expanded (the "billion laughs" bomb).
 */
public record YamlLimits(long maxBytes, int maxDepth, long maxNodes) {
    /** For {@code .mlexp.yml} and training configs: far above any real file. */
    public static final YamlLimits DEFAULT = new YamlLimits(1024 * 1024, 64, 100_000);

    public YamlLimits {
        if (maxBytes <= 0 || maxDepth <= 0 || maxNodes <= 0) {
            throw new IllegalArgumentException("YAML limits must be positive");
        }
    }
}
