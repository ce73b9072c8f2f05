package io.mlexp.image;

import java.util.Locale;
import java.util.Optional;

/**
 * How strictly images must be pinned. {@code latest} and untagged images are always refused;
 * {@link #DIGEST} also refuses a tag without a digest, since a tag can be moved.
 */
public enum PinPolicy {
    DIGEST,
    TAG;

    /** Why the image is not pinned enough, or empty when it is. */
    public Optional<String> problem(ImageReference image) {
        if (image.tag().filter(t -> "latest".equals(t.toLowerCase(Locale.ROOT))).isPresent()) {
            return Optional.of("'" + image + "' uses the tag 'latest', which moves; pin a version and a digest");
        }
        if (image.tag().isEmpty() && image.digest().isEmpty()) {
            return Optional.of("'" + image + "' has no tag, so Docker takes 'latest'; pin a version and a digest");
        }
        if (this == DIGEST && image.digest().isEmpty()) {
            return Optional.of("'" + image + "' has no digest; append @sha256:<digest> (pin: digest)");
        }
        return Optional.empty();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
