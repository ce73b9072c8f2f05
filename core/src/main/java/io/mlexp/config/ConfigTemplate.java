package io.mlexp.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The commented {@code .mlexp.yml} that {@code mlexp init} writes: every key with its default. */
public final class ConfigTemplate {
    private static final String RESOURCE = "mlexp-init.yml";

    private ConfigTemplate() {
    }

    public static String text() {
        try (var in = ConfigTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
