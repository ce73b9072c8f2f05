package io.mlexp.image;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The images a repository builds itself, which a Dockerfile's {@code FROM} may name without a registry digest: the
 * {@code image:} of a compose service that has a {@code build:}, and every {@code -t}/{@code --tag} of a
 * {@code docker build} (or {@code buildx build}, {@code podman build}) in the repository's scripts, Makefiles and CI
 * files. Names are compared without tag or digest.
 */
public final class LocalImages {
    private static final Pattern BUILD_TAG = Pattern.compile(
            "\\b(?:docker|podman)\\s+(?:buildx\\s+|image\\s+)?build\\b[^\\n]*?(?:-t|--tag)[ =]['\"]?([A-Za-z0-9][A-Za-z0-9._/:@-]*)");
    private static final Pattern COMPOSE_IMAGE = Pattern.compile("(?m)^\\s+image:\\s*['\"]?([A-Za-z0-9][A-Za-z0-9._/:@-]*)");
    private static final Pattern TEXT_FILES = Pattern.compile(
            "(?i)(^|/)(makefile|justfile|jenkinsfile[^/]*|[^/]*\\.(sh|bash|mk|ya?ml|toml|cfg))$");

    private final Set<String> names;

    private LocalImages(Set<String> names) {
        this.names = names;
    }

    public static LocalImages none() {
        return new LocalImages(Set.of());
    }

    /** Reads the candidate files among {@code paths} through {@code reader}. */
    public static LocalImages of(List<String> paths, Function<String, Optional<String>> reader) {
        var names = new HashSet<String>();
        for (var path : paths) {
            if (!TEXT_FILES.matcher(path).find()) {
                continue;
            }
            var text = reader.apply(path);
            if (text.isEmpty()) {
                continue;
            }
            var built = BUILD_TAG.matcher(text.get());
            while (built.find()) {
                names.add(name(built.group(1)));
            }
            if (path.toLowerCase(Locale.ROOT).matches("(.*/)?(docker-)?compose[^/]*\\.ya?ml") && text.get().contains("build:")) {
                var image = COMPOSE_IMAGE.matcher(text.get());
                while (image.find()) {
                    names.add(name(image.group(1)));
                }
            }
        }
        return new LocalImages(Set.copyOf(names));
    }

    /** Whether {@code image} (a reference as FROM names it) is one the repository builds. */
    public boolean builds(String image) {
        return names.contains(name(image));
    }

    /** A reference without its digest and tag, lower case. */
    private static String name(String reference) {
        var withoutDigest = reference.contains("@") ? reference.substring(0, reference.indexOf('@')) : reference;
        int colon = withoutDigest.lastIndexOf(':');
        var withoutTag = colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
        return withoutTag.toLowerCase(Locale.ROOT);
    }
}
