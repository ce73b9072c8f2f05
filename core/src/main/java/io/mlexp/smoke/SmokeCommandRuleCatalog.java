package io.mlexp.smoke;

import static io.mlexp.check.Rule.Family.SMOKE_COMMANDS;

import io.mlexp.check.Rule;
import io.mlexp.check.RuleCatalog;
import java.util.List;

/** How the smoke command itself ended, before its metrics are judged. */
public final class SmokeCommandRuleCatalog implements RuleCatalog {
    private static final String SCRIPT = "smoke.sh";
    private static final String LOCAL = "smoke:\n  engine: local\n  command: sh smoke.sh\n  timeout: 2s\n";
    private static final String LEARNS = """
            echo '{"step": 1, "loss": 2.0}' >> "$MLEXP_METRICS"
            echo '{"step": 2, "loss": 1.0}' >> "$MLEXP_METRICS"
            """;

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.error("smoke-command-failed", SMOKE_COMMANDS, "The smoke command exits with 0.")
                        .reads("smoke.command")
                        .explain("Its output is streamed above the finding; the finding points at `smoke.command`.")
                        .given(LOCAL)
                        .passes(SCRIPT, LEARNS).fails(SCRIPT, LEARNS + "exit 3\n"),
                Rule.error("smoke-timeout", SMOKE_COMMANDS, "The smoke run ends within `smoke.timeout`.")
                        .reads("smoke.timeout")
                        .explain("A run that overstays is stopped with everything it started (its process group, or the"
                                + " container).")
                        .given(LOCAL)
                        .passes(SCRIPT, LEARNS).fails(SCRIPT, LEARNS + "sleep 30\n"));
    }
}
