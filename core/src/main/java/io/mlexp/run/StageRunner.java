package io.mlexp.run;

import io.mlexp.config.MlexpConfig;
import io.mlexp.context.BuildContext;
import io.mlexp.workspace.Workspace;
import java.util.List;

/** Runs one stage over a workspace in a context. */
@FunctionalInterface
public interface StageRunner {
    StageResult run(Workspace workspace, MlexpConfig config, BuildContext context);

    /** The same, for a stage that reads what the stages before it in the same run handed on. */
    default StageResult run(Workspace workspace, MlexpConfig config, BuildContext context, List<StageResult> earlier) {
        return run(workspace, config, context);
    }
}
