package io.mlexp.yaml;

import io.mlexp.check.SourceLocation;
import java.util.List;

/** A YAML list. */
public record YamlSequence(List<YamlNode> items, SourceLocation location, long weight) implements YamlNode {
    public YamlSequence {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }
}
