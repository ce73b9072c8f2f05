package io.mlexp.config;

import java.util.List;

/** {@code record:} where experiment records live, what they hold, and which changes need one. */
public record RecordConfig(String dir, Regex idPattern, List<RecordSection> requiredSections, List<Glob> triggerPaths,
        List<RecordConvention> warnings) {
    public RecordConfig {
        requiredSections = List.copyOf(requiredSections);
        triggerPaths = List.copyOf(triggerPaths);
        warnings = List.copyOf(warnings);
    }

    public static RecordConfig defaults() {
        return new RecordConfig("experiments", Regex.compile("EXP-\\d{3,}"),
                List.of(RecordSection.GOAL, RecordSection.HYPOTHESIS, RecordSection.HYPERPARAMETERS,
                        RecordSection.RESULTS, RecordSection.CONCLUSION),
                List.of(Glob.compile("**/*.py"), Glob.compile("configs/**")),
                List.of(RecordConvention.values()));
    }
}
