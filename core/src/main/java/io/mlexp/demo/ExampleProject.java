package io.mlexp.demo;

import io.mlexp.check.EnvironmentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/** Copies the bundled {@code examples/digits} project, from a directory or from inside the CLI jar. */
public final class ExampleProject {
    static final String RESOURCE_ROOT = "mlexp-examples/digits";

    private ExampleProject() {
    }

    /** Copies the example that travels in the mlexp jar to {@code target}. */
    public static void copyBundled(Path target) {
        var marker = ExampleProject.class.getClassLoader().getResource(RESOURCE_ROOT + "/.mlexp.yml");
        if (marker == null) {
            throw new EnvironmentException("this mlexp build carries no bundled example (" + RESOURCE_ROOT + ")");
        }
        try {
            var uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (var jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copy(jar.getPath("/" + RESOURCE_ROOT), target);
                }
            } else {
                copy(java.util.Objects.requireNonNull(Path.of(uri).getParent(), "the example's folder"), target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a project directory, leaving out Python caches. */
    public static void copy(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (var file : (Iterable<Path>) files::iterator) {
                var relative = source.relativize(file).toString();
                if (relative.contains("__pycache__")) {
                    continue;
                }
                var destination = target.resolve(relative);
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the example: " + e.getMessage(), e);
        }
    }
}
