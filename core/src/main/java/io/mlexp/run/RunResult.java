package io.mlexp.run;

import io.mlexp.context.BuildContext;
import java.util.List;

/** The stages one context ran, in order. */
public record RunResult(BuildContext context, List<StageResult> stages) {
    public RunResult {
        stages = List.copyOf(stages);
    }

    public boolean failed() {
        return stages.stream().anyMatch(s -> s.status() == StageResult.Status.FAILED);
    }

    public boolean incomplete() {
        return stages.stream().anyMatch(s -> s.status() == StageResult.Status.NOT_AVAILABLE);
    }
}
