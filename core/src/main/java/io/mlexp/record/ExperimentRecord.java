package io.mlexp.record;

import io.mlexp.check.SourceLocation;
import io.mlexp.config.RecordSection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One experiment record as its Markdown says it: what the rules look at, each piece with its place
 * in the file. Built by {@link RecordParser}; judged by {@link RecordRules}.
 *
 * @param path       the record's path as messages name it (relative to the repository)
 * @param title      the text of the first H1, where the ID is
 * @param extraTitles the places of every further H1
 * @param sections   the recognised H2 sections, in the order they appear
 * @param parameters the hyperparameter table, when the record has one
 * @param config     the config the record names (front matter {@code config:} or a Config row)
 * @param resultNumbers numbers written in the Results section
 * @param tables     every table, with whether all its columns are left-aligned
 * @param results    the first table of the Results section, its rows as name and value: what the record claims
 * @param frontMatter the front matter's keys with their first values ({@code status}, {@code config})
 */
public record ExperimentRecord(
        String path,
        Optional<Located> title,
        List<SourceLocation> extraTitles,
        Map<RecordSection, Section> sections,
        Optional<ParameterTable> parameters,
        Optional<Located> config,
        List<Located> resultNumbers,
        List<TableShape> tables,
        Optional<ParameterTable> results,
        Map<String, String> frontMatter) {

    public ExperimentRecord {
        extraTitles = List.copyOf(extraTitles);
        sections = Map.copyOf(sections);
        resultNumbers = List.copyOf(resultNumbers);
        tables = List.copyOf(tables);
        frontMatter = Map.copyOf(frontMatter);
    }

    /** A piece of text and where it starts. */
    public record Located(String text, SourceLocation location) {
    }

    /** An H2 section: its heading as written, where it is, and whether anything is written under it. */
    public record Section(RecordSection kind, String heading, SourceLocation location, boolean empty) {
    }

    /** A row of the hyperparameter table. */
    public record ParameterRow(Located name, Located value) {
    }

    /** The hyperparameter table: its rows, in order. */
    public record ParameterTable(SourceLocation location, List<ParameterRow> rows) {
        public ParameterTable {
            rows = List.copyOf(rows);
        }
    }

    /** A table and the header cells that are not left-aligned. */
    public record TableShape(SourceLocation location, List<String> notLeftAligned) {
        public TableShape {
            notLeftAligned = List.copyOf(notLeftAligned);
        }
    }

    /** The ID the title names, the first match of the ID pattern in it. */
    public Optional<Located> id(com.google.re2j.Pattern idPattern) {
        return title.flatMap(heading -> {
            var matcher = idPattern.matcher(heading.text());
            if (!matcher.find()) {
                return Optional.empty();
            }
            var at = heading.location();
            return Optional.of(new Located(matcher.group(),
                    new SourceLocation(at.file(), at.line(), at.column() + matcher.start())));
        });
    }

    /** The text of the title after the ID and its separator: {@code # EXP-001: Baseline} is {@code Baseline}. */
    public String titleText(com.google.re2j.Pattern idPattern) {
        var text = title.map(Located::text).orElse("");
        var matcher = idPattern.matcher(text);
        var rest = matcher.find() ? text.substring(matcher.end()) : text;
        return rest.replaceFirst("^[\\s:：\\-–—|]+", "").strip();
    }

    /** The file name without its directory and extension ({@code .md}, {@code .ipynb}). */
    public String stem() {
        var name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
