package io.mlexp.record;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.RecordConfig;
import io.mlexp.config.RecordConvention;
import io.mlexp.util.TextFiles;
import io.mlexp.yaml.YamlMapping;
import io.mlexp.yaml.YamlReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What {@code record:} asks of every experiment record: an ID in the title that matches the pattern
 * and the file name, the required sections with something in them, a hyperparameter table that
 * tells the truth about the config it names, and (as warnings) the template's conventions.
 */
public final class RecordRules {
    private final RecordConfig config;

    public RecordRules(RecordConfig config) {
        this.config = config;
    }

    public List<Finding> check(ExperimentRecord record, RepoReader repository) {
        var findings = new ArrayList<Finding>();
        identity(record, findings);
        for (var required : config.requiredSections()) {
            var section = record.sections().get(required);
            if (section == null) {
                findings.add(Finding.error("record-section-missing", record.title().map(ExperimentRecord.Located::location)
                                .orElse(SourceLocation.of(record.path(), 1)),
                        "the required section '" + required.english() + "' (" + required.chinese() + ") is missing")
                        .withHint("add '## " + required.english() + "' or '## " + required.chinese() + "'"));
            } else if (section.empty()) {
                findings.add(Finding.error("record-section-empty", section.location(),
                        "the section '" + section.heading() + "' is empty")
                        .withHint("write it before the pull request is merged; record.required-sections lists it"));
            }
        }
        parameters(record, repository, findings);
        conventions(record, findings);
        return findings;
    }

    private void identity(ExperimentRecord record, List<Finding> findings) {
        var pattern = config.idPattern().pattern();
        var id = record.id(pattern);
        if (id.isEmpty()) {
            var where = record.title().map(ExperimentRecord.Located::location).orElse(SourceLocation.of(record.path(), 1));
            findings.add(Finding.error("record-id-missing", where, record.title()
                    .map(title -> "the title '" + title.text() + "' names no ID matching /" + pattern.pattern() + "/")
                    .orElse("the record has no title (# " + record.stem() + ": ...) to carry its ID"))
                    .withHint("start the record with '# " + record.stem() + ": <title>' or '# 实验ID: " + record.stem() + "'"));
            return;
        }
        if (!id.get().text().equals(record.stem())) {
            findings.add(Finding.error("record-id-file-name", id.get().location(),
                    "the ID " + id.get().text() + " differs from the file name " + record.stem() + extension(record))
                    .withHint("rename the file to " + id.get().text() + extension(record) + ", or correct the ID"));
        }
    }

    private static String extension(ExperimentRecord record) {
        int dot = record.path().lastIndexOf('.');
        return dot > record.path().lastIndexOf('/') ? record.path().substring(dot) : "";
    }

    private void parameters(ExperimentRecord record, RepoReader repository, List<Finding> findings) {
        if (record.parameters().isEmpty()) {
            return;
        }
        if (record.config().isEmpty()) {
            findings.add(Finding.warning("record-config-unnamed", record.parameters().get().location(),
                    "the hyperparameter table cannot be checked: the record names no config")
                    .withHint("add front matter 'config: configs/<name>.yaml' or a 'Config' row"));
            return;
        }
        var named = record.config().get();
        namedConfig(named, repository, findings)
                .ifPresent(merged -> findings.addAll(ParameterCheck.compare(record.parameters().get().rows(), merged, named.text())));
    }

    /**
     * The config a record names, with what it inherits merged in, read from {@code repository}; a missing or unreadable
     * config is a finding added to {@code findings}, and empty.
     */
    public static java.util.Optional<YamlMapping> namedConfig(ExperimentRecord.Located named, RepoReader repository,
            List<Finding> findings) {
        var content = repository.read(named.text());
        if (content.isEmpty()) {
            findings.add(Finding.error("record-config-missing", named.location(),
                    "the config '" + named.text() + "' does not exist in the repository")
                    .withHint("name the config by its path from the repository root, e.g. configs/base.yaml"));
            return java.util.Optional.empty();
        }
        try {
            var document = new YamlReader().parse(TextFiles.decodeUtf8(content.get(), named.text()), named.text());
            if (document.root().isPresent() && document.root().get() instanceof YamlMapping mapping) {
                var sources = io.mlexp.config.ConfigSources.of(java.util.Map.of(), path -> repository.read(path)
                        .map(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
                return java.util.Optional.of(io.mlexp.config.TrainingConfigRules.merged(named.text(), mapping, sources, findings));
            }
            findings.add(Finding.error("record-config-not-mapping", named.location(),
                    "the config '" + named.text() + "' is not a mapping of keys to values"));
        } catch (InvalidInputException e) {
            findings.addAll(e.findings());
        }
        return java.util.Optional.empty();
    }

    private void conventions(ExperimentRecord record, List<Finding> findings) {
        var enabled = config.warnings();
        if (enabled.contains(RecordConvention.RESULTS_DECIMALS)) {
            for (var number : record.resultNumbers()) {
                findings.add(Finding.warning("record-results-decimals", number.location(),
                        "'" + number.text() + "' has more than two decimals")
                        .withHint("round key numbers to two decimals; the team template asks for it"));
            }
        }
        if (enabled.contains(RecordConvention.LEFT_ALIGNED_TABLES)) {
            for (var table : record.tables()) {
                if (!table.notLeftAligned().isEmpty()) {
                    findings.add(Finding.warning("record-table-alignment", table.location(),
                            "columns not left-aligned: " + String.join(", ", table.notLeftAligned()))
                            .withHint("write the delimiter row as |:---|:---|"));
                }
            }
        }
        if (enabled.contains(RecordConvention.SINGLE_H1)) {
            for (var extra : record.extraTitles()) {
                findings.add(Finding.warning("record-single-h1", extra, "a second H1; a record has one title")
                        .withHint("make it an H2 (##)"));
            }
        }
    }

    /**
     * Whether a value as a person writes it ({@code 3e-4}, {@code yes}, {@code AdamW}) means the config's node, as the
     * hyperparameter table is compared: what a tag's message claims is held to the same measure.
     */
    public static boolean sameValue(String written, io.mlexp.yaml.YamlNode node) {
        return ParameterCheck.same(written, node);
    }

    /** Records that claim the same ID: each copy after the first is an error naming the first. */
    public List<Finding> uniqueIds(List<ExperimentRecord> records) {
        var first = new LinkedHashMap<String, ExperimentRecord.Located>();
        var findings = new ArrayList<Finding>();
        for (var record : records) {
            record.id(config.idPattern().pattern()).ifPresent(id -> {
                var earlier = first.putIfAbsent(id.text(), id);
                if (earlier != null) {
                    findings.add(Finding.error("record-id-duplicate", id.location(),
                            "the ID " + id.text() + " is already used by " + earlier.location())
                            .withHint("give this record the next free ID: mlexp record new"));
                }
            });
        }
        return findings;
    }
}
