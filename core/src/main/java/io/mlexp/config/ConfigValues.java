package io.mlexp.config;

import io.mlexp.yaml.YamlMapping;
import io.mlexp.yaml.YamlNode;
import io.mlexp.yaml.YamlScalar;
import io.mlexp.yaml.YamlSequence;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A training config as the experiment table shows it: each leaf under its dotted key ({@code optimizer.lr}), a list of
 * scalars as {@code [a, b]}, in the file's order. Claims find their key here by the names people write.
 */
public final class ConfigValues {
    /** Names people write for a key, and the key's usual names. */
    private static final Map<String, List<String>> ALIASES = Map.of(
            "lr", List.of("learningrate"), "learningrate", List.of("lr"),
            "bs", List.of("batchsize"), "batch", List.of("batchsize"), "batchsize", List.of("batch", "bs"),
            "wd", List.of("weightdecay"), "epochs", List.of("numepochs", "maxepochs", "epoch"),
            "seed", List.of("randomseed"));

    private final Map<String, YamlScalar> leaves;

    private ConfigValues(Map<String, YamlScalar> leaves) {
        this.leaves = Collections.unmodifiableMap(leaves);
    }

    public static ConfigValues of(YamlMapping config) {
        var leaves = new LinkedHashMap<String, YamlScalar>();
        flatten("", config, leaves);
        return new ConfigValues(leaves);
    }

    public static ConfigValues empty() {
        return new ConfigValues(Map.of());
    }

    private static void flatten(String prefix, YamlNode node, Map<String, YamlScalar> leaves) {
        var key = prefix.substring(0, Math.max(0, prefix.length() - 1));
        if (node instanceof YamlMapping mapping) {
            mapping.entries().forEach((name, entry) -> flatten(prefix + name + ".", entry.value(), leaves));
        } else if (node instanceof YamlScalar scalar) {
            leaves.put(key, scalar);
        } else if (node instanceof YamlSequence sequence && sequence.items().stream().allMatch(YamlScalar.class::isInstance)) {
            var text = sequence.items().stream().map(item -> ((YamlScalar) item).text()).toList();
            leaves.put(key, new YamlScalar("[" + String.join(", ", text) + "]", YamlScalar.Kind.STRING, sequence.location()));
        }
    }

    /** Each leaf's text under its dotted key. */
    public Map<String, String> texts() {
        var texts = new LinkedHashMap<String, String>();
        leaves.forEach((key, scalar) -> texts.put(key, scalar.text()));
        return texts;
    }

    /**
     * The leaf a written name means: the dotted key itself, else the one leaf whose last part is the name written
     * loosely ({@code Batch Size} is {@code batch_size}) or by a usual alias ({@code lr}, {@code batch}).
     */
    public Optional<Map.Entry<String, YamlScalar>> find(String name) {
        var exact = leaves.get(name);
        if (exact != null) {
            return Optional.of(Map.entry(name, exact));
        }
        var wanted = normalise(name);
        var names = new java.util.ArrayList<String>();
        names.add(wanted);
        names.addAll(ALIASES.getOrDefault(wanted, List.of()));
        for (var candidate : names) {
            var matches = leaves.entrySet().stream().filter(leaf -> normalise(lastPart(leaf.getKey())).equals(candidate)).toList();
            if (matches.size() == 1) {
                return Optional.of(matches.get(0));
            }
        }
        return Optional.empty();
    }

    /** A name as names are compared: lower case, letters and digits only ({@code Batch Size} is {@code batchsize}). */
    public static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static String lastPart(String key) {
        return key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
