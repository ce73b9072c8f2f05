package io.mlexp.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.util.TextFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML into a {@link YamlNode} tree that keeps line and column of every key and value.
 *
 * <p>Jackson's streaming parser does the YAML work; this class builds the tree itself so that it can
 * keep locations, refuse duplicate keys, and expand aliases against a node budget instead of trusting
 * a library to bound them. No Java types are ever instantiated from the document.</p>
 */
public final class YamlReader {
    private static final String RULE = "yaml-syntax";

    private final YamlLimits limits;
    private final YAMLFactory factory;

    public YamlReader(YamlLimits limits) {
        this.limits = limits;
        var loaderOptions = new LoaderOptions();
        loaderOptions.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()));
        loaderOptions.setNestingDepthLimit(limits.maxDepth() + 1);
        loaderOptions.setAllowDuplicateKeys(true); // refused below, with both locations
        this.factory = YAMLFactory.builder()
                .loaderOptions(loaderOptions)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth() + 1)
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()))
                        .build())
                .build();
    }

    public YamlReader() {
        this(YamlLimits.DEFAULT);
    }

    /** Reads a file; {@code displayName} is how messages name it (usually relative to the repository). */
    public YamlDocument read(Path file, String displayName) {
        var text = TextFiles.readUtf8(file, displayName, limits.maxBytes());
        return parse(text, displayName);
    }

    public YamlDocument parse(String text, String displayName) {
        if (text.length() > limits.maxBytes()) {
            throw tooLarge(displayName);
        }
        try (var parser = factory.createParser(text)) {
            var builder = new TreeBuilder(parser, displayName);
            if (parser.nextToken() == null) {
                return new YamlDocument(displayName, Optional.empty());
            }
            var root = builder.value(1);
            if (parser.nextToken() != null) {
                throw InvalidInputException.of(RULE, builder.here(),
                        "a second YAML document starts here; only one document per file is read");
            }
            return new YamlDocument(displayName, Optional.of(root));
        } catch (JsonProcessingException e) {
            throw syntaxError(e, displayName);
        } catch (IndexOutOfBoundsException | IllegalStateException e) {
            // SnakeYAML's reader fails this way on some control characters (found by fuzzing); refuse the file.
            throw InvalidInputException.of(RULE, SourceLocation.of(displayName),
                    "invalid YAML: the parser cannot read this file (" + e.getClass().getSimpleName()
                            + "); look for control characters or an unclosed quote", e);
        } catch (IOException e) {
            throw InvalidInputException.of(RULE, SourceLocation.of(displayName), "cannot read: " + e.getMessage(), e);
        }
    }

    private InvalidInputException tooLarge(String displayName) {
        return InvalidInputException.of("yaml-too-large", SourceLocation.of(displayName),
                "file is larger than the limit of " + limits.maxBytes() + " bytes");
    }

    private InvalidInputException syntaxError(JsonProcessingException e, String displayName) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                var mark = marked.getProblemMark();
                var problem = marked.getProblem() == null ? marked.getMessage() : marked.getProblem();
                if (marked.getContext() != null && !marked.getContext().isBlank()) {
                    problem = problem + " (" + marked.getContext() + ")";
                }
                return InvalidInputException.of(RULE,
                        new SourceLocation(displayName, mark.getLine() + 1, mark.getColumn() + 1),
                        "invalid YAML: " + problem);
            }
        }
        var message = e.getOriginalMessage();
        if (message != null && message.contains("Document nesting depth")) {
            message = "nesting deeper than " + limits.maxDepth() + " levels";
        } else if (message != null && message.contains("exceeds the limit")) {
            return tooLarge(displayName);
        }
        return InvalidInputException.of(RULE, location(displayName, e.getLocation()), "invalid YAML: " + message);
    }

    private static SourceLocation location(String file, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return SourceLocation.of(file);
        }
        return new SourceLocation(file, location.getLineNr(), Math.max(location.getColumnNr(), 0));
    }

    /** Builds one document's tree from the parser's tokens. */
    private final class TreeBuilder {
        private final YAMLParser parser;
        private final String file;
        private final Map<String, YamlNode> anchors = new HashMap<>();
        private long nodes;

        TreeBuilder(YAMLParser parser, String file) {
            this.parser = parser;
            this.file = file;
        }

        SourceLocation here() {
            return location(file, parser.currentTokenLocation());
        }

        YamlNode value(int depth) throws IOException {
            var location = here();
            if (depth > limits.maxDepth()) {
                throw InvalidInputException.of("yaml-too-deep", location,
                        "nesting deeper than " + limits.maxDepth() + " levels");
            }
            if (parser.isCurrentAlias()) {
                return alias(location);
            }
            count(1, location);
            var anchor = parser.getObjectId();
            var node = switch (parser.currentToken()) {
                case START_OBJECT -> mapping(location, depth);
                case START_ARRAY -> sequence(location, depth);
                default -> scalar(location);
            };
            if (anchor != null) {
                anchors.put(anchor, node);
            }
            return node;
        }

        private YamlNode alias(SourceLocation location) throws IOException {
            var target = anchors.get(parser.getText());
            if (target == null) {
                throw InvalidInputException.of(RULE, location, "alias *" + parser.getText() + " names no anchor defined before it");
            }
            count(target.weight(), location);
            return target;
        }

        private void count(long added, SourceLocation location) {
            nodes += added;
            if (nodes > limits.maxNodes()) {
                throw InvalidInputException.of("yaml-too-many-nodes", location,
                        "the document expands to more than " + limits.maxNodes()
                                + " values through anchors and aliases (a YAML bomb?)");
            }
        }

        private YamlMapping mapping(SourceLocation location, int depth) throws IOException {
            var entries = new LinkedHashMap<String, YamlMapping.Entry>();
            long weight = 1;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
                if (token != JsonToken.FIELD_NAME) {
                    throw InvalidInputException.of(RULE, here(), "expected a key, found " + token);
                }
                var key = parser.currentName();
                var keyLocation = here();
                if ("<<".equals(key)) {
                    throw InvalidInputException.of(RULE, keyLocation,
                            "merge keys (<<) are not supported; write the keys out");
                }
                var previous = entries.get(key);
                if (previous != null) {
                    throw InvalidInputException.of("yaml-duplicate-key", keyLocation,
                            "duplicate key '" + key + "' (first defined at line " + previous.keyLocation().line() + ")");
                }
                parser.nextToken();
                var value = value(depth + 1);
                weight += value.weight();
                entries.put(key, new YamlMapping.Entry(key, keyLocation, value));
            }
            return new YamlMapping(entries, location, weight);
        }

        private YamlSequence sequence(SourceLocation location, int depth) throws IOException {
            var items = new ArrayList<YamlNode>();
            long weight = 1;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                var item = value(depth + 1);
                weight += item.weight();
                items.add(item);
            }
            return new YamlSequence(List.copyOf(items), location, weight);
        }

        private YamlScalar scalar(SourceLocation location) throws IOException {
            var token = parser.currentToken();
            var kind = switch (token) {
                case VALUE_NUMBER_INT -> YamlScalar.Kind.INTEGER;
                case VALUE_NUMBER_FLOAT -> YamlScalar.Kind.FLOAT;
                case VALUE_TRUE, VALUE_FALSE -> YamlScalar.Kind.BOOLEAN;
                case VALUE_NULL -> YamlScalar.Kind.NULL;
                case VALUE_STRING, VALUE_EMBEDDED_OBJECT -> YamlScalar.Kind.STRING;
                default -> throw InvalidInputException.of(RULE, location, "unexpected " + token);
            };
            var text = kind == YamlScalar.Kind.NULL ? "" : parser.getText();
            return new YamlScalar(text == null ? "" : text, kind, location);
        }
    }

}
