package io.mlexp.config;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.util.DidYouMean;
import io.mlexp.util.TextFiles;
import io.mlexp.yaml.YamlMapping;
import io.mlexp.yaml.YamlReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The team's training configs ({@code configs:}): each parses, and holds every required key. */
public final class TrainingConfigRules {
    private final ConfigsConfig config;
    private final YamlReader reader = new YamlReader();
    /** By identity: a source is the same set of files only as the same object (a working tree, a revision). */
    private final IdentityHashMap<ConfigSources, Set<String>> basesBySources = new IdentityHashMap<>();

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

    /** Checks one config file alone, as if it inherited nothing. */
    public List<Finding> check(String path, byte[] content) {
        return check(path, content, ConfigSources.NONE);
    }

    /**
     * Checks one config file's content; YAML errors become findings, with their location. What it inherits
     * ({@link ConfigInheritance}) is merged in before the required keys are looked for; a file that other configs
     * inherit and that inherits nothing itself is a partial config, which only has to parse.
     */
    public List<Finding> check(String path, byte[] content, ConfigSources sources) {
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
        var resolved = new ConfigInheritance(sources).resolve(path, root);
        var findings = new ArrayList<>(resolved.problems());
        if (!findings.isEmpty()) {
            return findings; // the merged config is not the one the framework would read
        }
        var merged = resolved.merged();
        for (var key : config.requiredKeys()) {
            if (merged.find(key).isEmpty()) {
                if (!resolved.inherits() && inheritedByAnother(path, sources)) {
                    return List.of(); // a base: the configs that inherit it are checked whole
                }
                var hint = nearKey(key, keyPaths(merged)).map(near -> "did you mean `" + near + "`? ").orElse("")
                        + "configs.required-keys in .mlexp.yml lists it; every config must set it"
                        + (resolved.inherits() ? ", here or in a config it inherits" : "");
                findings.add(Finding.error("config-file-missing-key", new SourceLocation(path, 1, 1),
                        "required key '" + key + "' is missing" + (resolved.inherits() ? " (with what it inherits merged in)" : ""))
                        .withHint(hint));
            }
        }
        return findings;
    }

    /**
     * A config with what it inherits merged in, as its framework reads it, for a reader of its values (the record's
     * hyperparameter table); the problems of its chain are added to {@code problems}.
     */
    public static YamlMapping merged(String path, YamlMapping root, ConfigSources sources, List<Finding> problems) {
        var resolved = new ConfigInheritance(sources).resolve(path, root);
        problems.addAll(resolved.problems());
        return resolved.merged();
    }

    /** Whether a covered config names {@code path} as a base. */
    private boolean inheritedByAnother(String path, ConfigSources sources) {
        return basesNamedIn(sources).contains(path);
    }

    /**
     * Every path that a covered config of {@code sources} names as a base, read once per source (a tree of many
     * partial bases would otherwise parse every config once for each base).
     */
    private Set<String> basesNamedIn(ConfigSources sources) {
        synchronized (basesBySources) {
            return basesBySources.computeIfAbsent(sources, each -> {
                var bases = new HashSet<String>();
                for (var other : each.covered()) {
                    if (!covers(other)) {
                        continue;
                    }
                    var text = each.read(other);
                    if (text.isEmpty() || keysAbsent(text.get())) {
                        continue;
                    }
                    try {
                        if (reader.parse(text.get(), other).root().orElse(null) instanceof YamlMapping mapping) {
                            bases.addAll(ConfigInheritance.basesNamed(other, mapping));
                        }
                    } catch (InvalidInputException e) {
                        // that file's own check reports it
                    }
                }
                return Set.copyOf(bases);
            });
        }
    }

    /** A file that names no base cannot inherit one: most are passed over without parsing. */
    private static boolean keysAbsent(String text) {
        return ConfigInheritance.KEYS.stream().noneMatch(text::contains);
    }

    /** Names the frameworks give the same hyperparameter ({@code SOLVER.BASE_LR}, {@code optimizer.lr}). */
    private static final List<List<String>> SYNONYMS = List.of(
            List.of("lr", "learning_rate", "base_lr", "learningrate"),
            List.of("batch_size", "ims_per_batch", "batch", "bs", "train_batch_size", "per_device_train_batch_size"),
            List.of("epochs", "max_epochs", "num_epochs", "max_epoch", "num_train_epochs"),
            List.of("seed", "random_seed", "manual_seed"),
            List.of("steps", "max_steps", "max_iter", "max_iters", "num_steps"));

    /** The key the config most likely meant by {@code key}: the same name elsewhere, a synonym, or a typo of it. */
    static Optional<String> nearKey(String key, List<String> paths) {
        var last = lastSegment(key);
        var group = SYNONYMS.stream().filter(names -> names.contains(last)).findFirst().orElse(List.of(last));
        for (var path : paths) {
            if (group.contains(lastSegment(path))) {
                return Optional.of(path);
            }
        }
        // a key's own parents ('optimizer' for 'optimizer.lr') are where it is missing, not what was meant
        return DidYouMean.closest(key, paths.stream().filter(path -> !key.startsWith(path + ".")).toList());
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** Every dotted key path of a mapping, for "did you mean": {@code optimizer.lr}, {@code model.hidden}. */
    private static List<String> keyPaths(YamlMapping mapping) {
        var paths = new ArrayList<String>();
        collect("", mapping, paths);
        return paths;
    }

    private static void collect(String prefix, YamlMapping mapping, List<String> paths) {
        for (var entry : mapping.entries().values()) {
            var path = prefix + entry.key();
            paths.add(path);
            if (entry.value() instanceof YamlMapping nested && paths.size() < 10_000) {
                collect(path + ".", nested, paths);
            }
        }
    }

    /**
     * Findings for each {@code configs.required} pattern that no file matches, at the pattern in {@code .mlexp.yml}.
     *
     * @param where the place looked in ("HEAD", "the working tree")
     */
    public List<Finding> presence(List<String> paths, String where, ConfigLocations locations) {
        var findings = new ArrayList<Finding>();
        for (int i = 0; i < config.required().size(); i++) {
            var glob = config.required().get(i);
            if (paths.stream().noneMatch(glob::matches)) {
                findings.add(Finding.error("config-file-none", locations.of("configs.required", i),
                        "no file in " + where + " matches configs.required pattern '" + glob + "'")
                        .withHint("add a config there, or change configs.required in .mlexp.yml"));
            }
        }
        return findings;
    }
}
