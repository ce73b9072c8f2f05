package io.mlexp.run;

import io.mlexp.config.MlexpConfig;
import io.mlexp.context.BuildContext;
import io.mlexp.workspace.Workspace;

/** Runs one stage over a workspace in a context. */
@FunctionalInterface
public interface StageRunner {
    StageResult run(Workspace workspace, MlexpConfig config, BuildContext context);
}
