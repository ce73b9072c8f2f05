package io.mlexp.ci;

import io.mlexp.image.RegistryPolicy;
import io.mlexp.run.Stage;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a CI step asks of mlexp, in values any CI can fill: the config file, the stages, the build's
 * environment (the context comes from it), a GPU selection that overrides {@code smoke.gpus}, the
 * platform's registry policy, and the history the CI keeps between builds (JSON lines; empty when
 * it keeps none, then the repository's own history is the start).
 */
public record CiRequest(Optional<String> config, Set<Stage> stages, Map<String, String> environment, Optional<String> gpus,
        RegistryPolicy registryPolicy, String history) {
    public CiRequest {
        stages = stages.isEmpty() ? EnumSet.allOf(Stage.class) : EnumSet.copyOf(stages);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }
}
