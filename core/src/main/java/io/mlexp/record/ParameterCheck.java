package io.mlexp.record;

import io.mlexp.check.Finding;
import io.mlexp.config.ConfigValues;
import io.mlexp.record.ExperimentRecord.ParameterRow;
import io.mlexp.yaml.YamlMapping;
import io.mlexp.yaml.YamlNode;
import io.mlexp.yaml.YamlScalar;
import io.mlexp.yaml.YamlSequence;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a record's hyperparameter table with the YAML config it names. Keys are found as written
 * ({@code model.hidden}), nested, or by a looser spelling ({@code Batch Size} finds {@code batch_size});
 * numbers compare by value ({@code 3e-4} equals {@code 0.0003}), booleans and words by meaning.
 */
final class ParameterCheck {
    private static final Set<String> TRUE = Set.of("true", "yes", "on", "y", "是", "开", "启用");
    private static final Set<String> FALSE = Set.of("false", "no", "off", "n", "否", "关", "禁用");

    private static final List<String> NAMING_KEYS = List.of("name", "type", "_target_", "class");

    private ParameterCheck() {
    }

    static List<Finding> compare(List<ParameterRow> rows, YamlMapping config, String configPath) {
        var findings = new ArrayList<Finding>();
        for (var row : rows) {
            var name = row.name().text();
            if (name.isEmpty() || RecordParser.isConfigRow(name)) {
                continue;
            }
            var node = find(config, name);
            if (node.isEmpty()) {
                findings.add(Finding.warning("record-param-not-in-config", row.name().location(),
                        "'" + name + "' is in the hyperparameter table but not in " + configPath)
                        .withHint("write the config's key (dotted for nested keys, e.g. optimizer.lr), or leave the row"
                                + " if it is set elsewhere"));
                continue;
            }
            var value = row.value().text();
            var expected = interpolated(config, node.get());
            if (!same(value, expected)) {
                findings.add(Finding.error("record-config-mismatch", row.value().location(),
                        "'" + name + "' is '" + value + "' here but " + describe(expected) + " in " + expected.location().file()
                                + ":" + expected.location().line() + ":" + expected.location().column())
                        .withHint("the record must describe the config it names: correct the table or the config"));
            }
        }
        return findings;
    }

    /** OmegaConf's {@code ${a.b}}: a value that names another key is read as that key's value (a chain of them too). */
    static YamlNode interpolated(YamlMapping config, YamlNode node) {
        var at = node;
        for (int hops = 0; hops < 10 && at instanceof YamlScalar scalar && scalar.text().matches("\\$\\{[\\w.]+}"); hops++) {
            var target = config.find(scalar.text().substring(2, scalar.text().length() - 1));
            if (target.isEmpty()) {
                break;
            }
            at = target.get();
        }
        return at;
    }

    /**
     * The node a table row names: the dotted path as written, each part matched loosely, or else the one leaf whose
     * own name it is ({@code batch_size} finds {@code data.batch_size}; {@link ConfigValues#find}).
     */
    static Optional<YamlNode> find(YamlMapping config, String name) {
        var exact = config.find(name);
        if (exact.isPresent()) {
            return exact;
        }
        var path = byParts(config, name);
        return path.isPresent() ? path : ConfigValues.of(config).find(name).map(leaf -> (YamlNode) leaf.getValue());
    }

    private static Optional<YamlNode> byParts(YamlMapping config, String name) {
        YamlNode at = config;
        for (var part : name.split("\\.")) {
            if (!(at instanceof YamlMapping mapping)) {
                return Optional.empty();
            }
            var wanted = loose(part);
            var key = mapping.keys().stream().filter(candidate -> loose(candidate).equals(wanted)).findFirst();
            if (key.isEmpty()) {
                return Optional.empty();
            }
            at = mapping.get(key.get()).orElseThrow();
        }
        return Optional.of(at);
    }

    private static String loose(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
    }

    static boolean same(String cell, YamlNode node) {
        if (node instanceof YamlMapping mapping) {
            // "Optimizer | AdamW" against optimizer: {name: adamw, lr: ...}
            return NAMING_KEYS.stream().map(mapping::get).flatMap(Optional::stream).findFirst()
                    .map(named -> same(cell, named)).orElse(false);
        }
        if (node instanceof YamlScalar scalar) {
            return sameScalar(cell, scalar.text());
        }
        if (node instanceof YamlSequence sequence) {
            var items = cell.strip().replaceAll("^\\[|]$", "").split("\\s*,\\s*");
            if (items.length != sequence.items().size()) {
                return false;
            }
            for (int i = 0; i < items.length; i++) {
                if (!same(items[i], sequence.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean sameScalar(String cell, String yaml) {
        var left = unquote(cell);
        var right = unquote(yaml);
        var leftNumber = number(left);
        var rightNumber = number(right);
        if (leftNumber.isPresent() && rightNumber.isPresent()) {
            return leftNumber.get().compareTo(rightNumber.get()) == 0;
        }
        var leftBoolean = bool(left);
        var rightBoolean = bool(right);
        if (leftBoolean.isPresent() && rightBoolean.isPresent()) {
            return leftBoolean.get().equals(rightBoolean.get());
        }
        return left.equalsIgnoreCase(right);
    }

    private static String unquote(String text) {
        var stripped = text.strip();
        if (stripped.length() >= 2 && ((stripped.startsWith("\"") && stripped.endsWith("\""))
                || (stripped.startsWith("'") && stripped.endsWith("'")) || (stripped.startsWith("`") && stripped.endsWith("`")))) {
            return stripped.substring(1, stripped.length() - 1).strip();
        }
        return stripped;
    }

    /** {@code 3e-4}, {@code 0.0003}, {@code 1_000}, {@code 1,000}: the same value. */
    static Optional<BigDecimal> number(String text) {
        var plain = text.replace("_", "").replace(",", "");
        if (!plain.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(plain));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Boolean> bool(String text) {
        var word = text.toLowerCase(Locale.ROOT);
        if (TRUE.contains(word)) {
            return Optional.of(true);
        }
        return FALSE.contains(word) ? Optional.of(false) : Optional.empty();
    }

    private static String describe(YamlNode node) {
        if (node instanceof YamlScalar scalar) {
            return "'" + scalar.text() + "'";
        }
        if (node instanceof YamlMapping mapping) {
            var named = NAMING_KEYS.stream().map(mapping::get).flatMap(Optional::stream)
                    .filter(YamlScalar.class::isInstance).map(YamlScalar.class::cast).findFirst();
            return named.map(scalar -> "'" + scalar.text() + "'").orElse("a mapping (name one of its keys, e.g. with a dot)");
        }
        return "a list";
    }
}
