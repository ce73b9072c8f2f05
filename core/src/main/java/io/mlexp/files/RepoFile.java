package io.mlexp.files;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A file to check: its repository-relative path, its size, and its content, read only when a rule
 * needs it and then at most once (staged blobs come from the Git index, not from the working tree).
 */
public record RepoFile(String path, long size, Supplier<byte[]> content) {
    public RepoFile {
        content = once(content);
    }

    private static Supplier<byte[]> once(Supplier<byte[]> read) {
        return new Supplier<>() {
            private byte @Nullable [] bytes;

            @Override
            public synchronized byte[] get() {
                if (bytes == null) {
                    bytes = read.get();
                }
                return bytes;
            }
        };
    }

    /** Whether this is a Git LFS pointer rather than the large file itself. */
    public boolean isLfsPointer() {
        if (size > 1024) {
            return false;
        }
        var text = new String(content.get(), java.nio.charset.StandardCharsets.UTF_8);
        return text.startsWith("version https://git-lfs.github.com/spec/v1");
    }

    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
