package io.mlexp.record;

import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.RecordConfig;
import io.mlexp.util.AtomicFiles;
import io.mlexp.util.RepoPaths;
import io.mlexp.yaml.YamlMapping;
import io.mlexp.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;

/** {@code mlexp record new}: the next free record from the template, never over an existing file. */
public final class NewRecord {
    private NewRecord() {
    }

    /**
     * Writes the record and returns its path.
     *
     * @param configPath the config to name and prefill the table from, relative to {@code root}
     */
    public static Path write(Path root, RecordConfig config, Optional<String> id, RecordTemplate.Language language,
            Optional<String> configPath) {
        var pattern = config.idPattern().pattern();
        var dir = RepoPaths.inside(root, config.where("dir"), "record.dir", config.dir());
        var chosen = id.orElseGet(() -> RecordTemplate.nextId(pattern, idsInUse(dir, config)).orElseThrow(() ->
                InvalidInputException.of("record-id", config.where("id-pattern"),
                        "cannot tell the next ID from record.id-pattern /" + pattern.pattern() + "/; pass --id")));
        if (!pattern.matcher(chosen).matches()) {
            throw InvalidInputException.of("record-id", SourceLocation.of(chosen),
                    "'" + chosen + "' does not match record.id-pattern /" + pattern.pattern() + "/");
        }
        Optional<YamlMapping> values = Optional.empty();
        if (configPath.isPresent()) {
            var file = root.resolve(configPath.get());
            if (!Files.isRegularFile(file)) {
                throw InvalidInputException.of("record-config-missing", SourceLocation.of(configPath.get()), "no such config file");
            }
            var document = new YamlReader().read(file, configPath.get());
            if (document.root().isEmpty() || !(document.root().get() instanceof YamlMapping mapping)) {
                throw InvalidInputException.of("config-file-not-mapping", SourceLocation.of(configPath.get(), 1),
                        "a training config must be a mapping of keys to values");
            }
            values = Optional.of(mapping);
        }
        var target = dir.resolve(chosen + ".md");
        AtomicFiles.create(target, RecordTemplate.render(chosen, language, configPath, values));
        return target;
    }

    private static java.util.List<String> idsInUse(Path dir, RecordConfig config) {
        var ids = new ArrayList<String>();
        if (!Files.isDirectory(dir)) {
            return ids;
        }
        try (var walk = Files.walk(dir)) {
            walk.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".md"))
                    .map(name -> name.substring(0, name.length() - 3))
                    .filter(stem -> config.idPattern().pattern().matcher(stem).matches())
                    .forEach(ids::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return ids;
    }
}
