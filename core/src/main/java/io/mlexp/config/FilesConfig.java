package io.mlexp.config;

import java.util.List;
import java.util.stream.Stream;

/** {@code files:} what may be committed. */
public record FilesConfig(List<Glob> forbidden, List<Glob> allowed, DataSize maxSize, Level notebookOutputs, boolean secrets) {
    /** How a rule reports: as an error, as a warning, or not at all. */
    public enum Level { ERROR, WARNING, OFF }

    /**
     * Weights and data by their file type, wherever they are; data, log and cache folders at any depth. A folder
     * pattern ({@code ** /data/**}) forbids data, not the code and docs that describe it, nor small fixtures: see
     * {@code files.FileRules}.
     */
    public static final List<String> DEFAULT_FORBIDDEN = List.of("*.pth", "*.pt", "*.ckpt", "*.safetensors", "*.onnx",
            "*.h5", "*.hdf5", "*.pkl", "*.pickle", "*.joblib", "*.npy", "*.npz", "*.parquet", "*.feather", "*.arrow",
            "*.tfrecord", "*.tfrecords", "*.lmdb", "*.mdb",
            "**/data/**", "**/datasets/**", "**/logs/**", "**/runs/**", "**/wandb/**", "**/mlruns/**", "**/lightning_logs/**",
            "**/__pycache__/**", "**/.ipynb_checkpoints/**");

    public FilesConfig {
        forbidden = List.copyOf(forbidden);
        allowed = List.copyOf(allowed);
    }

    public static FilesConfig defaults() {
        return new FilesConfig(globs(DEFAULT_FORBIDDEN.stream()), List.of(), DataSize.parse("5MB"), Level.WARNING, true);
    }

    static List<Glob> globs(Stream<String> patterns) {
        return patterns.map(Glob::compile).toList();
    }
}
