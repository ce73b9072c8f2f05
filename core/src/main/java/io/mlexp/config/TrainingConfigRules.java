package io.mlexp.config;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.check.TextFiles;
import io.mlexp.yaml.YamlMapping;
import io.mlexp.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;

/** The team's training configs ({@code configs:}): each parses, and holds every required key. */
public final class TrainingConfigRules {
    private final ConfigsConfig config;
    private final YamlReader reader = new YamlReader();

    public TrainingConfigRules(ConfigsConfig config) {
        this.config = config;
    }

    /** Whether a repository path is one of the training configs the rules cover. */
    public boolean covers(String path) {
        for (var glob : config.required()) {
            if (glob.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /** Checks one config file's content; YAML errors become findings, with their location. */
    public List<Finding> check(String path, byte[] content) {
        YamlMapping root;
        try {
            var document = reader.parse(TextFiles.decodeUtf8(content, path), path);
            if (document.root().isEmpty() || !(document.root().get() instanceof YamlMapping mapping)) {
                return List.of(Finding.error("config-file-not-mapping", SourceLocation.of(path, 1),
                        "a training config must be a mapping of keys to values"));
            }
            root = mapping;
        } catch (InvalidInputException e) {
            return e.findings();
        }
        var findings = new ArrayList<Finding>();
        for (var key : config.requiredKeys()) {
            if (root.find(key).isEmpty()) {
                findings.add(Finding.error("config-file-missing-key", SourceLocation.of(path, 1),
                        "required key '" + key + "' is missing")
                        .withHint("configs.required-keys in .mlexp.yml lists it; every config must set it"));
            }
        }
        return findings;
    }

    /** Findings for each {@code configs.required} pattern that no file matches. */
    public List<Finding> presence(List<String> paths, String where) {
        var findings = new ArrayList<Finding>();
        for (var glob : config.required()) {
            if (paths.stream().noneMatch(glob::matches)) {
                findings.add(Finding.error("config-file-none", SourceLocation.of(where),
                        "no file matches configs.required pattern '" + glob + "'")
                        .withHint("add a config there, or change configs.required in .mlexp.yml"));
            }
        }
        return findings;
    }
}
