package io.mlexp.config;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.yaml.YamlMapping;
import io.mlexp.yaml.YamlNode;
import io.mlexp.yaml.YamlReader;
import io.mlexp.yaml.YamlScalar;
import io.mlexp.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * A training config with what it inherits merged in, as the frameworks that read it merge it: yacs and detectron2
 * {@code _BASE_} (a path relative to the file, chains), mmengine {@code _base_} (a path or a list, {@code _delete_}
 * replaces instead of merging), and Hydra {@code defaults:} lists (config groups placed under their group's key,
 * {@code _self_}, {@code override}, {@code optional}, {@code null}, {@code # @package _global_}). Each merged key keeps
 * the location of the file and line that set it. A missing base or a cycle is a finding that shows the chain.
 */
final class ConfigInheritance {
    static final List<String> KEYS = List.of("_BASE_", "_base_", "defaults");
    private static final int MAX_DEPTH = 32;

    /** The merged config, whether the file inherits anything, and the problems met on the way. */
    record Resolved(YamlMapping merged, boolean inherits, List<Finding> problems) {
    }

    private final ConfigSources sources;
    private final YamlReader reader = new YamlReader();

    ConfigInheritance(ConfigSources sources) {
        this.sources = sources;
    }

    Resolved resolve(String path, YamlMapping root) {
        var problems = new ArrayList<Finding>();
        boolean inherits = KEYS.stream().anyMatch(key -> root.get(key).isPresent());
        var merged = inherits ? merge(path, root, List.of(path), problems) : root;
        return new Resolved(merged, inherits, problems);
    }

    /** The paths a config names as its bases, resolved against the repository; for finding what inherits a file. */
    static List<String> basesNamed(String path, YamlMapping root) {
        var bases = new ArrayList<String>();
        for (var base : baseList(root.get("_BASE_")).orElse(List.of())) {
            bases.add(relative(path, base.text()));
        }
        for (var base : baseList(root.get("_base_")).orElse(List.of())) {
            bases.add(relative(path, base.text()));
        }
        for (var entry : hydraDefaults(path, root)) {
            bases.add(entry.file());
        }
        return bases;
    }

    private YamlMapping merge(String path, YamlMapping root, List<String> chain, List<Finding> problems) {
        var result = new LinkedHashMap<String, YamlMapping.Entry>();
        var own = withoutInheritanceKeys(root);
        var defaults = hydraDefaults(path, root);
        boolean selfFirst = defaults.stream().anyMatch(entry -> entry.self()) && defaults.get(0).self();
        for (var key : List.of("_BASE_", "_base_")) {
            for (var base : baseList(root.get(key)).orElse(List.of())) {
                load(relative(path, base.text()), base.location(), chain, problems, false)
                        .ifPresent(mapping -> mergeInto(result, mapping.entries()));
            }
        }
        if (selfFirst) {
            mergeInto(result, own.entries());
        }
        for (var entry : defaults) {
            if (entry.self()) {
                continue;
            }
            load(entry.file(), entry.location(), chain, problems, entry.optional()).ifPresent(mapping -> {
                var placed = entry.global(sources) ? mapping : nest(entry.packageKey(), mapping);
                mergeInto(result, placed.entries());
            });
        }
        if (!selfFirst) {
            mergeInto(result, own.entries());
        }
        return new YamlMapping(result, root.location(), root.weight());
    }

    private Optional<YamlMapping> load(String file, SourceLocation where, List<String> chain, List<Finding> problems,
            boolean optional) {
        if (chain.contains(file)) {
            problems.add(Finding.error("config-base-cycle", where, "inherits itself: " + String.join(" → ", chain) + " → " + file)
                    .withHint("a config cannot be its own base; break the cycle"));
            return Optional.empty();
        }
        if (chain.size() > MAX_DEPTH) {
            problems.add(Finding.error("config-base-depth", where, "inherits more than " + MAX_DEPTH + " levels deep: "
                    + String.join(" → ", chain)));
            return Optional.empty();
        }
        var text = file.startsWith("../") ? Optional.<String>empty() : sources.read(file);
        if (text.isEmpty()) {
            if (!optional) {
                problems.add(Finding.error("config-base-missing", where, "the base '" + file + "' does not exist: "
                        + String.join(" → ", chain) + " → " + file + " (missing)")
                        .withHint("base paths are relative to the file that names them"));
            }
            return Optional.empty();
        }
        try {
            var document = reader.parse(text.get(), file);
            if (document.root().isEmpty()) {
                return Optional.of(new YamlMapping(new LinkedHashMap<>(), SourceLocation.of(file, 1), 0));
            }
            if (!(document.root().get() instanceof YamlMapping mapping)) {
                problems.add(Finding.error("config-file-not-mapping", SourceLocation.of(file, 1),
                        "a training config must be a mapping of keys to values"));
                return Optional.empty();
            }
            var deeper = new ArrayList<>(chain);
            deeper.add(file);
            boolean inherits = KEYS.stream().anyMatch(key -> mapping.get(key).isPresent());
            return Optional.of(inherits ? merge(file, mapping, deeper, problems) : mapping);
        } catch (InvalidInputException e) {
            problems.addAll(e.findings());
            return Optional.empty();
        }
    }

    /** A later value wins; two mappings merge key by key, unless the later one says {@code _delete_: true}. */
    private static void mergeInto(java.util.Map<String, YamlMapping.Entry> into, java.util.Map<String, YamlMapping.Entry> from) {
        for (var entry : from.values()) {
            var existing = into.get(entry.key());
            if (existing != null && existing.value() instanceof YamlMapping before && entry.value() instanceof YamlMapping after
                    && !deletes(after)) {
                var merged = new LinkedHashMap<>(before.entries());
                mergeInto(merged, after.entries());
                into.put(entry.key(), new YamlMapping.Entry(entry.key(), entry.keyLocation(),
                        new YamlMapping(merged, after.location(), after.weight())));
            } else {
                into.put(entry.key(), entry.value() instanceof YamlMapping after && deletes(after)
                        ? new YamlMapping.Entry(entry.key(), entry.keyLocation(), withoutKey(after, "_delete_")) : entry);
            }
        }
    }

    private static boolean deletes(YamlMapping mapping) {
        return mapping.get("_delete_").filter(node -> node instanceof YamlScalar scalar && scalar.text().equalsIgnoreCase("true"))
                .isPresent();
    }

    private static YamlMapping withoutKey(YamlMapping mapping, String key) {
        var entries = new LinkedHashMap<>(mapping.entries());
        entries.remove(key);
        return new YamlMapping(entries, mapping.location(), mapping.weight());
    }

    private static YamlMapping withoutInheritanceKeys(YamlMapping root) {
        var entries = new LinkedHashMap<>(root.entries());
        KEYS.forEach(entries::remove);
        return new YamlMapping(entries, root.location(), root.weight());
    }

    /** A mapping placed under a dotted key ({@code model.encoder}), as Hydra places a group's option. */
    private static YamlMapping nest(String dottedKey, YamlMapping mapping) {
        var result = mapping;
        var parts = dottedKey.split("\\.");
        for (int i = parts.length - 1; i >= 0; i--) {
            var entries = new LinkedHashMap<String, YamlMapping.Entry>();
            entries.put(parts[i], new YamlMapping.Entry(parts[i], mapping.location(), result));
            result = new YamlMapping(entries, mapping.location(), mapping.weight());
        }
        return result;
    }

    /** {@code _BASE_: a.yaml} or {@code _base_: [a.yaml, b.yaml]}: the texts with their locations. */
    private static Optional<List<YamlScalar>> baseList(Optional<YamlNode> node) {
        if (node.isEmpty()) {
            return Optional.empty();
        }
        var names = new ArrayList<YamlScalar>();
        if (node.get() instanceof YamlScalar scalar && !scalar.isNull()) {
            names.add(scalar);
        } else if (node.get() instanceof YamlSequence sequence) {
            sequence.items().stream().filter(item -> item instanceof YamlScalar scalar && !scalar.isNull())
                    .forEach(item -> names.add((YamlScalar) item));
        }
        return Optional.of(names);
    }

    /** One entry of a Hydra defaults list. */
    private record HydraEntry(boolean self, String file, String packageKey, SourceLocation location, boolean optional) {
        /** Whether the option file places itself at the root ({@code # @package _global_}). */
        boolean global(ConfigSources sources) {
            return packageKey.isEmpty() || sources.read(file).map(text -> text.lines().limit(5)
                    .anyMatch(line -> line.strip().replace(" ", "").equals("#@package_global_"))).orElse(false);
        }
    }

    private static List<HydraEntry> hydraDefaults(String path, YamlMapping root) {
        var entries = new ArrayList<HydraEntry>();
        if (!(root.get("defaults").orElse(null) instanceof YamlSequence sequence)) {
            return entries;
        }
        var directory = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        for (var item : sequence.items()) {
            if (item instanceof YamlScalar scalar && !scalar.isNull()) {
                if (scalar.text().equals("_self_")) {
                    entries.add(new HydraEntry(true, "", "", scalar.location(), false));
                } else {
                    entries.add(new HydraEntry(false, join(directory, scalar.text() + ".yaml"), "", scalar.location(), false));
                }
            } else if (item instanceof YamlMapping mapping && mapping.entries().size() == 1) {
                var entry = mapping.entries().values().iterator().next();
                var group = entry.key().replaceFirst("^(override|optional)\\s+", "");
                boolean optional = entry.key().startsWith("optional ");
                if (!(entry.value() instanceof YamlScalar option) || option.isNull()) {
                    continue; // 'group: null' chooses nothing
                }
                var groupPath = group.replaceFirst("@.*$", "");
                var packageKey = group.contains("@") ? group.substring(group.indexOf('@') + 1) : groupPath.replace('/', '.');
                var file = groupPath.startsWith("/") ? groupPath.substring(1) + "/" + option.text() + ".yaml"
                        : join(directory, groupPath + "/" + option.text() + ".yaml");
                entries.add(new HydraEntry(false, file, packageKey.equals("_global_") ? "" : packageKey, entry.keyLocation(), optional));
            }
        }
        return entries;
    }

    /** {@code name} relative to the directory of {@code path}, normalised; a path that climbs out keeps its leading "../". */
    static String relative(String path, String name) {
        var directory = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        return join(directory, name);
    }

    private static String join(String directory, String name) {
        var parts = new ArrayList<String>();
        if (!name.startsWith("/") && !directory.isEmpty()) {
            parts.addAll(List.of(directory.split("/")));
        }
        int climbs = 0;
        for (var part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    climbs++;
                } else {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(part);
            }
        }
        return "../".repeat(climbs) + String.join("/", parts);
    }
}
