package io.mlexp.config;

import java.util.List;

/** {@code configs:} which training configs must exist and which keys each must hold. */
public record ConfigsConfig(List<Glob> required, List<String> requiredKeys) {
    public ConfigsConfig {
        required = List.copyOf(required);
        requiredKeys = List.copyOf(requiredKeys);
    }

    public static ConfigsConfig defaults() {
        return new ConfigsConfig(List.of(Glob.compile("configs/*.yaml")), List.of("seed", "lr", "batch_size"));
    }
}
