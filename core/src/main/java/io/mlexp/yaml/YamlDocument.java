package io.mlexp.yaml;

import java.util.Optional;

/** A parsed YAML file: its display name and its root value, empty for an empty document. */
public record YamlDocument(String file, Optional<YamlNode> root) {
}
