package io.mlexp.smoke;

import io.mlexp.util.AtomicFiles;
import io.mlexp.util.Environment;
import io.mlexp.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * What the environment probe found in an image, kept per image ID (content-addressed, so the Python,
 * torch, CUDA and cuDNN inside cannot change), GPU selection, host and NVIDIA driver. A hit saves a
 * second container beside every smoke run. Best effort: a cache that cannot be read or written is
 * passed by, and entries are written whole (write, then rename).
 */
final class ProbeCache {
    private static final Path NVIDIA_DRIVER = Path.of("/proc/driver/nvidia/version");

    private final Path directory;

    ProbeCache(Path directory) {
        this.directory = directory;
    }

    /** {@code $XDG_CACHE_HOME/mlexp/probes}, else {@code ~/.cache/mlexp/probes}. */
    static ProbeCache standard() {
        var base = Optional.ofNullable(Environment.get("XDG_CACHE_HOME")).filter(value -> !value.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache"));
        return new ProbeCache(base.resolve("mlexp").resolve("probes"));
    }

    /** The key of a probe of image {@code imageId} with {@code gpus}, on this host and driver. */
    static String key(String imageId, String gpus) {
        String driver;
        try {
            driver = Files.isReadable(NVIDIA_DRIVER) ? Files.readString(NVIDIA_DRIVER) : "";
        } catch (IOException | UncheckedIOException e) {
            driver = "unreadable";
        }
        var host = Optional.ofNullable(Environment.get("HOSTNAME")).orElse("");
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", imageId, gpus, host, driver).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    Optional<Map<String, String>> find(String key) {
        var file = directory.resolve(key + ".json");
        try {
            return Files.isRegularFile(file) ? Fingerprints.object(Files.readString(file)) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    void store(String key, Map<String, String> probed) {
        try {
            Files.createDirectories(directory);
            AtomicFiles.replace(directory.resolve(key + ".json"), Json.mapper().writeValueAsString(probed) + "\n");
        } catch (IOException | UncheckedIOException e) {
            // the next run probes again
        }
    }
}
