package io.mlexp.config;

import io.mlexp.util.RepoPaths;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The whole {@code .mlexp.yml}: one immutable value, every section filled with its documented
 * default when absent. Load it with {@link ConfigLoader}.
 */
public record MlexpConfig(
        int version,
        OnViolation onViolation,
        CommitsConfig commits,
        ConfigsConfig configs,
        FilesConfig files,
        RecordConfig record,
        SmokeConfig smoke,
        PublishConfig publish,
        RuleSettings rules,
        ConfigLocations locations) {
    public static final int CURRENT_VERSION = 1;

    /** What a violation does to a CI build: fail it, or mark it unstable (Jenkins). */
    public enum OnViolation {
        FAIL, UNSTABLE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The same rules with the history kept in {@code directory} (Jenkins keeps it per job, not in the workspace). */
    public MlexpConfig withHistory(String directory) {
        return new MlexpConfig(version, onViolation, commits, configs, files, record, smoke,
                new PublishConfig(publish.metrics(), directory, publish.gates()), rules, locations);
    }

    /** The same rules with another smoke section (a CI's GPU selection). */
    public MlexpConfig withSmoke(SmokeConfig other) {
        return new MlexpConfig(version, onViolation, commits, configs, files, record, other, publish, rules, locations);
    }

    /** {@code publish.history} under {@code root}, refused where it leads outside; a refusal points at the setting. */
    public Path historyDirectory(Path root) {
        return RepoPaths.inside(root, locations.of("publish.history"), "publish.history", publish.history());
    }

    public static MlexpConfig defaults() {
        return new MlexpConfig(CURRENT_VERSION, OnViolation.FAIL, CommitsConfig.defaults(), ConfigsConfig.defaults(),
                FilesConfig.defaults(), RecordConfig.defaults(), SmokeConfig.defaults(), PublishConfig.defaults(), RuleSettings.defaults(),
                ConfigLocations.none(ConfigLoader.FILE_NAME));
    }
}
