package io.mlexp.record;

import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.RecordSection;
import io.mlexp.record.ExperimentRecord.Located;
import io.mlexp.record.ExperimentRecord.ParameterRow;
import io.mlexp.record.ExperimentRecord.ParameterTable;
import io.mlexp.record.ExperimentRecord.Section;
import io.mlexp.record.ExperimentRecord.TableShape;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads an experiment record's Markdown with commonmark-java (GFM tables, YAML front matter) into an
 * {@link ExperimentRecord}. It judges nothing; every piece keeps its line and column.
 */
public final class RecordParser {
    private static final Set<String> NAME_COLUMNS = Set.of("parameter", "parameters", "param", "name", "key",
            "hyperparameter", "参数", "参数名", "名称", "超参数", "metric", "metrics", "指标", "度量");
    private static final Set<String> VALUE_COLUMNS = Set.of("value", "values", "setting", "值", "取值", "数值", "设置",
            "result", "results", "结果", "score");
    private static final Set<String> CONFIG_ROWS = Set.of("config", "configfile", "配置", "配置文件");
    private static final Pattern LONG_DECIMAL = Pattern.compile("(?<![\\w.])\\d+\\.\\d{3,}(?![\\w.])");
    private static final Pattern FRONT_MATTER_CONFIG = Pattern.compile("config\\s*:.*");

    private final Parser parser = Parser.builder()
            .extensions(extensions())
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    /** The Markdown dialect of records, shared with {@link RecordRenderer}. */
    static List<Extension> extensions() {
        return List.of(org.commonmark.ext.gfm.tables.TablesExtension.create(), YamlFrontMatterExtension.create());
    }

    /**
     * The document tree. commonmark-java bounds how deep it nests (100 open blocks, 100 nested inlines; deeper markup
     * stays text), so every visitor of a record, its renderer included, may walk it recursively.
     */
    Node document(String markdown, String path) {
        try {
            return parser.parse(markdown);
        } catch (IndexOutOfBoundsException e) {
            // the front matter extension (0.28.0, the newest on Maven Central) fails this way on an unclosed quote
            throw InvalidInputException.of("record-unreadable", SourceLocation.of(path),
                    "the Markdown parser cannot read this record (" + e.getClass().getSimpleName()
                            + "); look for an unclosed quote in the front matter", e);
        }
    }

    public ExperimentRecord parse(String markdown, String path) {
        var document = document(markdown, path);
        Located title = null;
        var extraTitles = new ArrayList<SourceLocation>();
        var sections = new EnumMap<RecordSection, Section>(RecordSection.class);
        var bodies = new EnumMap<RecordSection, List<Node>>(RecordSection.class);
        List<Node> body = null;
        for (var node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getLevel() <= 2) {
                body = null;
                var text = PlainText.of(heading).strip();
                if (heading.getLevel() == 1) {
                    if (title == null) {
                        title = new Located(text, location(path, heading.getFirstChild() == null ? heading : heading.getFirstChild()));
                    } else {
                        extraTitles.add(location(path, heading));
                    }
                    continue;
                }
                var kind = SectionNames.match(text);
                if (kind.isPresent() && !sections.containsKey(kind.get())) {
                    body = new ArrayList<>();
                    bodies.put(kind.get(), body);
                    sections.put(kind.get(), new Section(kind.get(), text, location(path, heading), true));
                }
            } else if (body != null) {
                body.add(node);
            }
        }
        bodies.forEach((kind, nodes) -> {
            var section = java.util.Objects.requireNonNull(sections.get(kind), "a body belongs to a heading");
            sections.put(kind, new Section(kind, section.heading(), section.location(), nodes.stream().allMatch(RecordParser::blank)));
        });
        var parameters = parameters(path, bodies.getOrDefault(RecordSection.HYPERPARAMETERS, List.of()));
        var frontMatter = new YamlFrontMatterVisitor();
        document.accept(frontMatter);
        var firstValues = new java.util.HashMap<String, String>();
        frontMatter.getData().forEach((key, values) -> {
            if (!values.isEmpty()) {
                firstValues.put(key, values.get(0).strip());
            }
        });
        return new ExperimentRecord(path, Optional.ofNullable(title), extraTitles, sections, parameters,
                config(firstValues, markdown, path, parameters), numbers(path, bodies.getOrDefault(RecordSection.RESULTS, List.of())),
                tables(path, document), parameters(path, bodies.getOrDefault(RecordSection.RESULTS, List.of())), firstValues);
    }

    /** Nothing a reader would call content: blank paragraphs and HTML comments (template hints). */
    private static boolean blank(Node node) {
        if (node instanceof HtmlBlock html) {
            return html.getLiteral().strip().matches("(?s)(<!--.*?-->\\s*)*");
        }
        return node instanceof Paragraph && PlainText.of(node).isBlank();
    }

    private static Optional<ParameterTable> parameters(String path, List<Node> section) {
        var table = section.stream().filter(TableBlock.class::isInstance).map(TableBlock.class::cast).findFirst();
        if (table.isEmpty()) {
            return Optional.empty();
        }
        var header = cells(table.get(), TableHead.class).stream().findFirst().orElse(List.of());
        var names = header.stream().map(cell -> SectionNames.normalise(PlainText.of(cell))).toList();
        int nameColumn = indexOf(names, NAME_COLUMNS, 0);
        int valueColumn = indexOf(names, VALUE_COLUMNS, 1);
        var rows = new ArrayList<ParameterRow>();
        for (var row : cells(table.get(), TableBody.class)) {
            if (row.size() > Math.max(nameColumn, valueColumn)) {
                var name = row.get(nameColumn);
                var value = row.get(valueColumn);
                rows.add(new ParameterRow(new Located(PlainText.of(name).strip(), contentLocation(path, name)),
                        new Located(PlainText.of(value).strip(), contentLocation(path, value))));
            }
        }
        return Optional.of(new ParameterTable(location(path, table.get()), rows));
    }

    private static int indexOf(List<String> names, Set<String> wanted, int fallback) {
        for (int i = 0; i < names.size(); i++) {
            if (wanted.contains(names.get(i))) {
                return i;
            }
        }
        return fallback;
    }

    /** The cells of each row under the table's head or body. */
    private static List<List<TableCell>> cells(TableBlock table, Class<? extends Node> part) {
        var rows = new ArrayList<List<TableCell>>();
        for (var section = table.getFirstChild(); section != null; section = section.getNext()) {
            if (!part.isInstance(section)) {
                continue;
            }
            for (var row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (row instanceof TableRow) {
                    var cells = new ArrayList<TableCell>();
                    for (var cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        cells.add((TableCell) cell);
                    }
                    rows.add(cells);
                }
            }
        }
        return rows;
    }

    private static Optional<Located> config(Map<String, String> frontMatter, String markdown, String path,
            Optional<ParameterTable> parameters) {
        var value = frontMatter.get("config");
        if (value != null) {
            var lines = markdown.split("\n", -1);
            int line = 1;
            for (int i = 1; i < lines.length && !lines[i].strip().equals("---"); i++) {
                if (FRONT_MATTER_CONFIG.matcher(lines[i]).matches()) {
                    line = i + 1;
                    break;
                }
            }
            return Optional.of(new Located(value, SourceLocation.of(path, line)));
        }
        return parameters.stream().flatMap(table -> table.rows().stream())
                .filter(row -> isConfigRow(row.name().text()))
                .map(ParameterRow::value)
                .findFirst();
    }

    /** Whether a hyperparameter row names the config file rather than a parameter. */
    static boolean isConfigRow(String name) {
        return CONFIG_ROWS.contains(SectionNames.normalise(name));
    }

    private static List<Located> numbers(String path, List<Node> results) {
        var numbers = new ArrayList<Located>();
        var visitor = new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                var matcher = LONG_DECIMAL.matcher(text.getLiteral());
                while (matcher.find()) {
                    var at = location(path, text);
                    numbers.add(new Located(matcher.group(), new SourceLocation(path, at.line(), at.column() + matcher.start())));
                }
            }
        };
        results.forEach(node -> node.accept(visitor));
        return numbers;
    }

    private static List<TableShape> tables(String path, Node document) {
        var shapes = new ArrayList<TableShape>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.CustomBlock block) {
                if (block instanceof TableBlock table) {
                    var header = cells(table, TableHead.class).stream().findFirst().orElse(List.of());
                    shapes.add(new TableShape(location(path, table), header.stream()
                            .filter(cell -> cell.getAlignment() != TableCell.Alignment.LEFT)
                            .map(cell -> PlainText.of(cell).strip())
                            .toList()));
                }
                visitChildren(block);
            }
        });
        return shapes;
    }

    /** Where a cell's text starts (after the pipe and the space). */
    private static SourceLocation contentLocation(String path, TableCell cell) {
        return location(path, cell.getFirstChild() == null ? cell : cell.getFirstChild());
    }

    /** Where a node starts; a node without a span of its own borrows its first child's or its parent's. */
    static SourceLocation location(String path, Node node) {
        for (var at = node; at != null; at = at.getFirstChild()) {
            if (!at.getSourceSpans().isEmpty()) {
                var span = at.getSourceSpans().get(0);
                return new SourceLocation(path, span.getLineIndex() + 1, span.getColumnIndex() + 1);
            }
        }
        return node.getParent() == null ? SourceLocation.of(path) : location(path, node.getParent());
    }
}
