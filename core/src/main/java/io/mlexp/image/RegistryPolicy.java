package io.mlexp.image;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where images may come from, as a platform team sets it for every repository (the Jenkins global
 * configuration): a list of registries, and whether a digest is required whatever {@code smoke.pin}
 * says. An image without a registry comes from Docker Hub, named {@code docker.io}.
 *
 * @param allowedRegistries registry hosts (with port if any); empty allows every registry
 * @param digestRequired    whether a tag alone is refused
 */
public record RegistryPolicy(List<String> allowedRegistries, boolean digestRequired) {
    public static final String DOCKER_HUB = "docker.io";

    public RegistryPolicy {
        allowedRegistries = allowedRegistries.stream().map(String::strip).filter(r -> !r.isEmpty())
                .map(r -> r.toLowerCase(Locale.ROOT)).toList();
    }

    public static RegistryPolicy any() {
        return new RegistryPolicy(List.of(), false);
    }

    /** Registries from a text with one per line or separated by commas or spaces. */
    public static RegistryPolicy of(String registries, boolean digestRequired) {
        return new RegistryPolicy(List.of(registries.split("[,\\s]+")), digestRequired);
    }

    /** Why {@code image} may not run here, or empty when it may. */
    public Optional<String> problem(ImageReference image) {
        var registry = image.registry().map(r -> r.toLowerCase(Locale.ROOT)).orElse(DOCKER_HUB);
        if (!allowedRegistries.isEmpty() && !allowedRegistries.contains(registry)) {
            return Optional.of("'" + image + "' comes from " + registry + ", which is not an allowed registry here ("
                    + String.join(", ", allowedRegistries) + ")");
        }
        if (digestRequired) {
            return PinPolicy.DIGEST.problem(image);
        }
        return Optional.empty();
    }
}
