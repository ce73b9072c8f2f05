package io.mlexp.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {
    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    @Test
    void shouldSplitRegistryPathTagAndDigest() {
        var image = ImageReference.parse("registry.example:5000/team/pytorch-cuda:2.5.1-cuda12.4@" + DIGEST);

        assertThat(image.registry()).hasValue("registry.example:5000");
        assertThat(image.path()).isEqualTo("team/pytorch-cuda");
        assertThat(image.tag()).hasValue("2.5.1-cuda12.4");
        assertThat(image.digest()).hasValue(DIGEST);
        assertThat(image).hasToString("registry.example:5000/team/pytorch-cuda:2.5.1-cuda12.4@" + DIGEST);
    }

    @Test
    void shouldTreatAFirstComponentWithoutDotOrPortAsPath() {
        var image = ImageReference.parse("pytorch/pytorch:2.5.1");

        assertThat(image.registry()).isEmpty();
        assertThat(image.path()).isEqualTo("pytorch/pytorch");
        assertThat(ImageReference.parse("localhost/torch:1").registry()).hasValue("localhost");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--privileged", "-v/:/host", "torch:1 --rm", "torch;rm -rf /", "torch:$(id)", "torch:`id`",
        "Torch/Torch:1", "torch:1@sha256:abc", "torch:1@sha256:" + "G123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "", "torch:", "torch:-bad", "/torch:1", "torch//x:1", "tor\u00e7h:1", "torch:1\n", "torch|x"})
    void shouldRefuseWhatIsNotAReference(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> ImageReference.parse(text))
                .withMessageContaining("image reference");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA256:", "sha256x:", "sha256+x:", "Sha256:"})
    void shouldRefuseADigestAlgorithmNoEngineVerifies(String algorithm) {
        assertThatIllegalArgumentException().isThrownBy(() -> ImageReference.parse("torch:1@" + algorithm + "0123456789abcdef".repeat(4)))
                .withMessageContaining("the digest algorithm").withMessageContaining("is not one an engine verifies");
    }

    @Test
    void shouldHoldEachDigestAlgorithmToItsLength() {
        assertThatIllegalArgumentException().isThrownBy(() -> ImageReference.parse("torch:1@md5:" + "0123456789abcdef".repeat(2)))
                .withMessageContaining("'md5' is not one an engine verifies");
        assertThatIllegalArgumentException().isThrownBy(() -> ImageReference.parse("torch:1@sha512:" + "0123456789abcdef".repeat(4)))
                .withMessageContaining("a sha512 digest has exactly 128 lower-case hex digits");
        assertThatIllegalArgumentException().isThrownBy(() -> ImageReference.parse("torch:1@sha256:" + "0123456789ABCDEF".repeat(4)))
                .withMessageContaining("lower-case");
        assertThat(ImageReference.parse("torch:1@sha512:" + "0123456789abcdef".repeat(8)).digest()).isPresent();
        assertThat(ImageReference.parse("torch:1@sha384:" + "0123456789abcdef".repeat(6)).digest()).isPresent();
    }

    @Test
    void shouldApplyThePinPolicies() {
        assertThat(PinPolicy.TAG.problem(ImageReference.parse("torch:latest"))).get().asString().contains("'latest'");
        assertThat(PinPolicy.TAG.problem(ImageReference.parse("torch:latest@" + DIGEST))).get().asString().contains("'latest'");
        assertThat(PinPolicy.TAG.problem(ImageReference.parse("torch"))).get().asString().contains("has no tag");
        assertThat(PinPolicy.TAG.problem(ImageReference.parse("torch:2.5"))).isEmpty();
        assertThat(PinPolicy.DIGEST.problem(ImageReference.parse("torch:2.5"))).get().asString().contains("has no digest");
        assertThat(PinPolicy.DIGEST.problem(ImageReference.parse("torch:2.5@" + DIGEST))).isEmpty();
        assertThat(PinPolicy.DIGEST.problem(ImageReference.parse("torch@" + DIGEST))).isEqualTo(Optional.empty());
    }
}
