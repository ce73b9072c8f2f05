package io.mlexp.record;

import io.mlexp.config.RecordSection;
import io.mlexp.util.Markdown;
import io.mlexp.yaml.YamlMapping;
import io.mlexp.yaml.YamlNode;
import io.mlexp.yaml.YamlScalar;
import io.mlexp.yaml.YamlSequence;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** A new record from the team template, in English or Chinese, its hyperparameter table filled from a config. */
public final class RecordTemplate {
    /** The template's language. */
    public enum Language { EN, ZH }

    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)");
    private static final Pattern PATTERN_SHAPE = Pattern.compile("([A-Za-z0-9_-]*)\\\\d(?:\\{(\\d+)(?:,\\d*)?}|\\+)?");
    private static final Map<RecordSection, String> HINTS_EN = Map.of(
            RecordSection.GOAL, "What should this experiment show, and why now?",
            RecordSection.HYPOTHESIS, "What do you expect to happen, and by how much?",
            RecordSection.METHOD, "Data, model and what changes against the baseline.",
            RecordSection.RESULTS, "Key numbers, two decimals, and where the run is.",
            RecordSection.CONCLUSION, "Did the hypothesis hold? What comes next?");
    private static final Map<RecordSection, String> HINTS_ZH = Map.of(
            RecordSection.GOAL, "本实验要说明什么？为什么现在做？",
            RecordSection.HYPOTHESIS, "预期会发生什么？幅度多大？",
            RecordSection.METHOD, "数据、模型，以及相对基线的改动。",
            RecordSection.RESULTS, "关键数字保留两位小数，并注明运行记录。",
            RecordSection.CONCLUSION, "假设是否成立？下一步做什么？");

    private RecordTemplate() {
    }

    /**
     * The ID after the highest one in use ({@code EXP-023} → {@code EXP-024}); with none in use, the
     * first one a simple pattern such as {@code EXP-\d{3,}} describes. Empty when neither tells.
     */
    public static Optional<String> nextId(com.google.re2j.Pattern idPattern, Collection<String> idsInUse) {
        String prefix = null;
        long highest = 0;
        int width = 0;
        for (var id : idsInUse) {
            var matcher = NUMBERED.matcher(id);
            if (matcher.matches() && (prefix == null || Long.parseLong(matcher.group(2)) > highest)) {
                prefix = matcher.group(1);
                highest = Long.parseLong(matcher.group(2));
                width = matcher.group(2).length();
            }
        }
        if (prefix == null) {
            var shape = PATTERN_SHAPE.matcher(idPattern.pattern());
            if (!shape.matches()) {
                return Optional.empty();
            }
            prefix = shape.group(1);
            width = shape.group(2) == null ? 3 : Integer.parseInt(shape.group(2));
        }
        var next = prefix + String.format("%0" + Math.max(width, 1) + "d", highest + 1);
        return idPattern.matcher(next).matches() ? Optional.of(next) : Optional.empty();
    }

    public static String render(String id, Language language, Optional<String> configPath, Optional<YamlMapping> config) {
        boolean zh = language == Language.ZH;
        var text = new StringBuilder();
        configPath.ifPresent(path -> text.append("---\nconfig: ").append(path).append("\n---\n"));
        text.append(zh ? "# 实验ID: " + id + "\n" : "# " + id + ": one line that says what this experiment tries\n");
        for (var section : RecordSection.values()) {
            text.append("\n## ").append(zh ? section.chinese() : section.english()).append('\n');
            if (section == RecordSection.HYPERPARAMETERS) {
                text.append(zh ? "| 参数 | 值 |\n|:-----|:---|\n" : "| Parameter | Value |\n|:----------|:------|\n");
                config.ifPresent(mapping -> rows(mapping, "", text));
            } else {
                text.append("<!-- ").append((zh ? HINTS_ZH : HINTS_EN).get(section)).append(" -->\n");
            }
        }
        return text.toString();
    }

    /** One row per leaf of the config, dotted for nested keys; lists of plain values in brackets. */
    private static void rows(YamlMapping mapping, String prefix, StringBuilder text) {
        for (var key : mapping.keys()) {
            var node = mapping.get(key).orElseThrow();
            var name = prefix + key;
            if (node instanceof YamlMapping nested) {
                rows(nested, name + ".", text);
            } else {
                text.append("| ").append(Markdown.tableCell(name)).append(" | ").append(Markdown.tableCell(value(node))).append(" |\n");
            }
        }
    }

    private static String value(YamlNode node) {
        if (node instanceof YamlScalar scalar) {
            return scalar.text();
        }
        var items = ((YamlSequence) node).items();
        return "[" + String.join(", ", items.stream().map(item -> item instanceof YamlScalar scalar ? scalar.text() : "…").toList()) + "]";
    }

}
