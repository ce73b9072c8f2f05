package io.mlexp.config;

import io.mlexp.check.SourceLocation;
import java.util.List;

/**
 * {@code record:} where experiment records live, what they hold, and which changes need one.
 *
 * @param notebooks patterns of Jupyter notebooks outside {@code dir} whose leading Markdown cells are a record
 * @param claims    how far a claimed result may be from the measured one
 */
public record RecordConfig(String dir, Regex idPattern, List<RecordSection> requiredSections, List<Glob> triggerPaths,
        List<RecordConvention> warnings, List<Glob> notebooks, Tolerance claims, ConfigLocations locations) {
    public RecordConfig {
        requiredSections = List.copyOf(requiredSections);
        triggerPaths = List.copyOf(triggerPaths);
        warnings = List.copyOf(warnings);
        notebooks = List.copyOf(notebooks);
    }

    /** Where {@code record.<key>} is written in the config actually read. */
    public SourceLocation where(String key) {
        return locations.of("record." + key);
    }

    RecordConfig withLocations(ConfigLocations where) {
        return new RecordConfig(dir, idPattern, requiredSections, triggerPaths, warnings, notebooks, claims, where);
    }

    /**
     * {@code record.claims}: a claimed value holds when it is within {@code absolute} or within {@code relative} (a
     * fraction of the measured value) of the measurement. The defaults forgive the rounding of two decimals.
     */
    public record Tolerance(double absolute, double relative) {
        public static final Tolerance DEFAULT = new Tolerance(0.005, 0.0);

        public boolean holds(double claimed, double measured) {
            double difference = Math.abs(claimed - measured);
            return difference <= absolute + 1e-12 || difference <= relative * Math.abs(measured) + 1e-12;
        }
    }

    public static RecordConfig defaults() {
        return new RecordConfig("experiments", Regex.compile("EXP-\\d{3,}"),
                List.of(RecordSection.GOAL, RecordSection.HYPOTHESIS, RecordSection.HYPERPARAMETERS,
                        RecordSection.RESULTS, RecordSection.CONCLUSION),
                List.of(Glob.compile("**/*.py"), Glob.compile("configs/**")),
                List.of(RecordConvention.values()), List.of(), Tolerance.DEFAULT, ConfigLocations.none(ConfigLoader.FILE_NAME));
    }
}
