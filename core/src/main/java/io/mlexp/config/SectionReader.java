package io.mlexp.config;

import io.mlexp.check.Finding;
import io.mlexp.check.Severity;
import io.mlexp.check.SourceLocation;
import io.mlexp.util.DidYouMean;
import io.mlexp.yaml.YamlMapping;
import io.mlexp.yaml.YamlNode;
import io.mlexp.yaml.YamlScalar;
import io.mlexp.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one mapping of the config with typed getters. Each getter names the key it knows, so that
 * {@link #finish()} can report every other key as unknown with a suggestion. A bad value is recorded
 * as a finding at the value's location and the default is used, so one load reports every problem.
 */
final class SectionReader {
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[-+]?[0-9]+");

    private final Optional<YamlMapping> mapping;
    private final String path;
    private final SourceLocation fallback;
    private final List<Finding> problems;
    /** Where every value read is written, shared by the sections of one load. */
    private final Map<String, SourceLocation> locations;
    private final Set<String> known = new LinkedHashSet<>();

    private SectionReader(Optional<YamlMapping> mapping, String path, SourceLocation fallback, List<Finding> problems,
            Map<String, SourceLocation> locations) {
        this.mapping = mapping;
        this.path = path;
        this.fallback = fallback;
        this.problems = problems;
        this.locations = locations;
    }

    /** Where this mapping is written: what a finding about the setting as a whole points at. */
    SourceLocation location() {
        return fallback;
    }

    static SectionReader root(YamlMapping mapping, List<Finding> problems, Map<String, SourceLocation> locations) {
        return new SectionReader(Optional.of(mapping), "", mapping.location(), problems, locations);
    }

    SectionReader section(String key) {
        var node = value(key);
        if (node.isEmpty() || isNull(node.get())) {
            return new SectionReader(Optional.empty(), qualified(key), fallback, problems, locations);
        }
        if (node.get() instanceof YamlMapping nested) {
            return new SectionReader(Optional.of(nested), qualified(key), nested.location(), problems, locations);
        }
        wrongType(key, node.get(), "a mapping of keys to values");
        return new SectionReader(Optional.empty(), qualified(key), fallback, problems, locations);
    }

    /** The mapping at {@code key} whose keys are free names; empty, with a finding when it is something else. */
    private Optional<YamlMapping> namedMapping(String key, String expected) {
        var node = value(key);
        if (node.isEmpty() || isNull(node.get())) {
            return Optional.empty();
        }
        if (!(node.get() instanceof YamlMapping named)) {
            wrongType(key, node.get(), expected);
            return Optional.empty();
        }
        return Optional.of(named);
    }

    /** A mapping whose keys are free names (metric names), each holding a section. */
    Map<String, SectionReader> sectionsByName(String key) {
        var result = new LinkedHashMap<String, SectionReader>();
        namedMapping(key, "a mapping of names to settings").ifPresent(named -> named.entries().forEach((name, entry) -> {
            var qualifiedName = qualified(key) + "." + name;
            if (entry.value() instanceof YamlMapping settings) {
                result.put(name, new SectionReader(Optional.of(settings), qualifiedName, settings.location(), problems, locations));
            } else {
                problems.add(Finding.error("config-type", entry.value().location(),
                        qualifiedName + ": expected a mapping of settings, found " + entry.value().describe()));
            }
        }));
        return result;
    }

    Optional<String> optionalString(String key) {
        return value(key).filter(node -> !isNull(node)).flatMap(node -> {
            if (node instanceof YamlScalar scalar && scalar.kind() != YamlScalar.Kind.BOOLEAN) {
                return Optional.of(scalar.text());
            }
            wrongType(key, node, "a text");
            return Optional.empty();
        });
    }

    String string(String key, String defaultValue) {
        return optionalString(key).orElse(defaultValue);
    }

    String nonBlankString(String key, String defaultValue) {
        var value = string(key, defaultValue);
        if (value.isBlank()) {
            value(key).ifPresent(node -> problem(node, key, "must not be empty"));
            return defaultValue;
        }
        return value;
    }

    /**
     * A path inside the repository, as written in the file: relative, and with no {@code ..} segment,
     * so that an untrusted {@code .mlexp.yml} cannot point mlexp at files elsewhere.
     */
    String repositoryPath(String key, String defaultValue) {
        var value = nonBlankString(key, defaultValue);
        var segments = value.replace('\\', '/').split("/");
        boolean absolute = value.startsWith("/") || value.startsWith("\\") || value.matches("^[A-Za-z]:.*") || value.startsWith("~");
        if (absolute || List.of(segments).contains("..") || value.indexOf('\0') >= 0) {
            value(key).ifPresent(node -> problems.add(Finding.error("path-escape", node.location(), qualified(key) + ": "
                    + "'" + value + "' leaves the repository; write a path relative to the repository root without '..', such as '"
                            + defaultValue + "'")));
            return defaultValue;
        }
        return value;
    }

    /** Paths inside the repository, one or a list, each held to {@link #repositoryPath}'s rule. */
    List<String> repositoryPaths(String key, List<String> defaultValue) {
        var node = value(key);
        if (node.isEmpty() || isNull(node.get())) {
            return defaultValue;
        }
        if (node.get() instanceof YamlScalar) {
            var one = repositoryPath(key, "");
            return one.isEmpty() ? defaultValue : List.of(one);
        }
        var paths = new ArrayList<String>();
        for (var path : strings(key, defaultValue)) {
            var segments = path.replace('\\', '/').split("/");
            if (path.startsWith("/") || path.startsWith("~") || path.matches("^[A-Za-z]:.*") || List.of(segments).contains("..")) {
                problem(node.get(), key, "'" + path + "' leaves the repository; write paths relative to the repository root without '..'");
            } else {
                paths.add(path);
            }
        }
        return paths;
    }

    /** A mapping of free names to texts, each converted; a conversion's {@link IllegalArgumentException} is reported at its value. */
    <T> Map<String, T> convertedByName(String key, Function<String, T> converter) {
        var result = new LinkedHashMap<String, T>();
        namedMapping(key, "a mapping of names to texts").ifPresent(named -> named.entries().forEach((name, entry) -> {
            if (!(entry.value() instanceof YamlScalar scalar) || scalar.isNull()) {
                problems.add(Finding.error("config-type", entry.value().location(),
                        qualified(key) + "." + name + ": expected a text, found " + entry.value().describe()));
                return;
            }
            try {
                result.put(name, converter.apply(scalar.text()));
            } catch (IllegalArgumentException e) {
                problems.add(Finding.error("config-value", scalar.location(), qualified(key) + "." + name + ": " + e.getMessage()));
            }
        }));
        return result;
    }

    /** Where each name of a mapping of free names is written, in the order written. */
    Map<String, SourceLocation> nameLocations(String key) {
        var result = new LinkedHashMap<String, SourceLocation>();
        value(key).filter(node -> node instanceof YamlMapping).map(YamlMapping.class::cast)
                .ifPresent(named -> named.entries().forEach((name, entry) -> result.put(name, entry.keyLocation())));
        return result;
    }

    int positiveInt(String key, int defaultValue) {
        return integer(key, defaultValue, 1);
    }

    long integer(String key, long defaultValue) {
        return value(key).filter(node -> !isNull(node)).map(node -> {
            if (node instanceof YamlScalar scalar && scalar.kind() == YamlScalar.Kind.INTEGER) {
                try {
                    return Long.parseLong(scalar.text());
                } catch (NumberFormatException e) {
                    problem(node, key, DECIMAL.matcher(scalar.text()).matches() ? "the number " + scalar.text() + " is too large"
                            : "write the whole number in decimal digits, found " + scalar.text()
                                    + " (hexadecimal, octal, binary and '_' separators are not read)");
                    return defaultValue;
                }
            }
            wrongType(key, node, "a whole number");
            return defaultValue;
        }).orElse(defaultValue);
    }

    int integer(String key, int defaultValue, int minimum) {
        var node = value(key);
        long value = integer(key, (long) defaultValue);
        if (node.isPresent() && (value < minimum || value > Integer.MAX_VALUE)) {
            problem(node.get(), key, "expected a whole number of at least " + minimum + ", found " + value);
            return defaultValue;
        }
        return (int) value;
    }

    boolean bool(String key, boolean defaultValue) {
        return value(key).filter(node -> !isNull(node)).map(node -> {
            if (node instanceof YamlScalar scalar && scalar.kind() == YamlScalar.Kind.BOOLEAN) {
                return Boolean.parseBoolean(scalar.text().toLowerCase(Locale.ROOT));
            }
            wrongType(key, node, "true or false");
            return defaultValue;
        }).orElse(defaultValue);
    }

    OptionalDouble number(String key) {
        return value(key).filter(node -> !isNull(node)).map(node -> {
            if (node instanceof YamlScalar scalar && scalar.isNumber()) {
                try {
                    double value = Double.parseDouble(scalar.text());
                    if (Double.isFinite(value)) {
                        return OptionalDouble.of(value);
                    }
                } catch (NumberFormatException e) {
                    // YAML's .inf, .nan, 0x10 and 1_000 are numbers Java does not parse: none is a plain finite number
                }
            }
            wrongType(key, node, "a finite number");
            return OptionalDouble.empty();
        }).orElse(OptionalDouble.empty());
    }

    /** A list of texts; a single text is not silently turned into a list. */
    List<String> strings(String key, List<String> defaultValue) {
        var node = value(key);
        if (node.isEmpty() || isNull(node.get())) {
            return defaultValue;
        }
        if (!(node.get() instanceof YamlSequence sequence)) {
            wrongType(key, node.get(), "a list, such as [a, b]");
            return defaultValue;
        }
        var values = new ArrayList<String>();
        for (int i = 0; i < sequence.items().size(); i++) {
            var item = sequence.items().get(i);
            if (item instanceof YamlScalar scalar && scalar.kind() != YamlScalar.Kind.NULL && scalar.text().isBlank()) {
                problems.add(Finding.error("config-value", item.location(), qualified(key) + "[" + i + "]: must not be empty"));
            } else if (item instanceof YamlScalar scalar && scalar.kind() != YamlScalar.Kind.NULL) {
                values.add(scalar.text());
            } else {
                problems.add(Finding.error("config-type", item.location(),
                        qualified(key) + "[" + i + "]: expected a text, found " + item.describe()));
            }
        }
        return values;
    }

    /** Each text of a list converted, a conversion's {@link IllegalArgumentException} reported at the item. */
    <T> List<T> list(String key, List<T> defaultValue, Function<String, T> converter) {
        if (value(key).isEmpty()) {
            return defaultValue;
        }
        var sequence = value(key).get() instanceof YamlSequence items ? items : null;
        var texts = strings(key, List.of());
        var result = new ArrayList<T>();
        for (int i = 0; i < texts.size(); i++) {
            try {
                result.add(converter.apply(texts.get(i)));
            } catch (IllegalArgumentException e) {
                var location = sequence == null ? fallback : sequence.items().get(i).location();
                problems.add(Finding.error("config-value", location, qualified(key) + "[" + i + "]: " + e.getMessage()));
            }
        }
        return sequence == null ? defaultValue : result;
    }

    /** A text converted, a conversion's {@link IllegalArgumentException} reported at the value. */
    <T> Optional<T> converted(String key, Function<String, T> converter) {
        var text = optionalString(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(converter.apply(text.get()));
        } catch (IllegalArgumentException e) {
            problem(value(key).orElseThrow(), key, String.valueOf(e.getMessage()));
            return Optional.empty();
        }
    }

    /** One of the words of an enum, written in lower case with dashes. */
    <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue) {
        var allowed = new LinkedHashMap<String, E>();
        for (var constant : type.getEnumConstants()) {
            allowed.put(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'), constant);
        }
        return converted(key, text -> {
            var constant = allowed.get(text);
            if (constant == null) {
                throw new IllegalArgumentException("unknown value '" + text + "'; "
                        + DidYouMean.hint(text, allowed.keySet()));
            }
            return constant;
        }).orElse(defaultValue);
    }

    boolean has(String key) {
        known.add(key);
        return value(key).isPresent();
    }

    SourceLocation locationOf(String key) {
        return value(key).map(YamlNode::location).orElse(fallback);
    }

    String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Records a problem with a key's value, at the value (or the section when the key is absent). */
    void problem(String key, String message) {
        problems.add(Finding.error("config-value", locationOf(key), qualified(key) + ": " + message));
    }

    private void problem(YamlNode node, String key, String message) {
        problems.add(Finding.error("config-value", node.location(), qualified(key) + ": " + message));
    }

    /** Reports every key no getter asked for, with the closest known key. */
    void finish() {
        mapping.ifPresent(map -> map.entries().forEach((key, entry) -> {
            if (!known.contains(key)) {
                problems.add(new Finding("config-unknown-key", Severity.ERROR, entry.keyLocation(),
                        "unknown key '" + qualified(key) + "'", DidYouMean.hint(key, known)));
            }
        }));
    }

    private Optional<YamlNode> value(String key) {
        known.add(key);
        var node = mapping.flatMap(map -> map.get(key));
        node.ifPresent(found -> {
            locations.put(qualified(key), found.location());
            if (found instanceof YamlSequence list) {
                for (int i = 0; i < list.items().size(); i++) {
                    locations.put(qualified(key) + "[" + i + "]", list.items().get(i).location());
                }
            }
        });
        return node;
    }

    private void wrongType(String key, YamlNode node, String expected) {
        problems.add(Finding.error("config-type", node.location(),
                qualified(key) + ": expected " + expected + ", found " + node.describe()));
    }

    private static boolean isNull(YamlNode node) {
        return node instanceof YamlScalar scalar && scalar.isNull();
    }
}
