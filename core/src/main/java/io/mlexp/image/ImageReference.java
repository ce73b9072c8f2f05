package io.mlexp.image;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image reference as Docker's distribution library defines it:
 * {@code [registry[:port]/]path[:tag][@algorithm:hex]}. Anything else (flags, whitespace, shell
 * syntax, upper-case repositories) is refused by {@link #parse}, so a parsed reference is always
 * safe to pass to {@code docker} as one argument.
 */
public record ImageReference(Optional<String> registry, String path, Optional<String> tag, Optional<String> digest) {
    private static final int MAX_LENGTH = 255 + 128 + 80;
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
                    + "(?::[0-9]+)?|\\[[0-9a-fA-F:.]+\\](?::[0-9]+)?");
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");
    /** The digest algorithms the distribution reference accepts (go-digest's registered ones) and their encoded length. */
    private static final java.util.Map<String, Integer> ENCODED_LENGTH = java.util.Map.of("sha256", 64, "sha384", 96, "sha512", 128);
    private static final Pattern LOWER_HEX = Pattern.compile("[0-9a-f]+");

    /** Parses a reference; throws {@link IllegalArgumentException} saying what is wrong. */
    public static ImageReference parse(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the image reference is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the image reference is longer than " + MAX_LENGTH + " characters");
        }
        if (text.startsWith("-")) {
            throw invalid(text, "it starts with '-', which docker would read as an option");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c < 0x20 || ";&|$`'\"()<>\\*!{}".indexOf(c) >= 0 || c > 0x7e) {
                throw invalid(text, "it contains '" + printable(c) + "', which no image reference may contain");
            }
        }
        var rest = text;
        Optional<String> digest = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            var digestText = rest.substring(at + 1);
            if (!DIGEST.matcher(digestText).matches()) {
                throw invalid(text, "the digest '" + digestText + "' is not of the form sha256:<64 hex digits>");
            }
            var algorithm = digestText.substring(0, digestText.indexOf(':'));
            var length = ENCODED_LENGTH.get(algorithm);
            if (length == null) {
                throw invalid(text, "the digest algorithm '" + algorithm + "' is not one an engine verifies;"
                        + " write sha256 (or sha384, sha512) in lower case");
            }
            var encoded = digestText.substring(algorithm.length() + 1);
            if (encoded.length() != length || !LOWER_HEX.matcher(encoded).matches()) {
                throw invalid(text, "a " + algorithm + " digest has exactly " + length + " lower-case hex digits");
            }
            digest = Optional.of(digestText);
            rest = rest.substring(0, at);
        }
        Optional<String> tag = Optional.empty();
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            var tagText = rest.substring(colon + 1);
            if (!TAG.matcher(tagText).matches()) {
                throw invalid(text, "the tag '" + tagText + "' may hold only letters, digits, '_', '.' and '-' (at most 128)");
            }
            tag = Optional.of(tagText);
            rest = rest.substring(0, colon);
        }
        Optional<String> registry = Optional.empty();
        int slash = rest.indexOf('/');
        if (slash > 0) {
            var first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || "localhost".equals(first) || !first.equals(first.toLowerCase(java.util.Locale.ROOT))) {
                if (!DOMAIN.matcher(first).matches()) {
                    throw invalid(text, "the registry '" + first + "' is not a host name with an optional port");
                }
                registry = Optional.of(first);
                rest = rest.substring(slash + 1);
            }
        }
        if (rest.isEmpty()) {
            throw invalid(text, "it names no repository");
        }
        for (var component : rest.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(component).matches()) {
                throw invalid(text, "the repository part '" + component + "' must be lower-case letters and digits,"
                        + " separated by '.', '_', '__' or '-'");
            }
        }
        return new ImageReference(registry, rest, tag, digest);
    }

    private static String printable(char c) {
        return Character.isWhitespace(c) || c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("'" + text + "' is not a valid image reference: " + why);
    }

    /** The repository with its registry, without tag or digest. */
    public String name() {
        return registry.map(r -> r + "/" + path).orElse(path);
    }

    @Override
    public String toString() {
        return name() + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
    }
}
