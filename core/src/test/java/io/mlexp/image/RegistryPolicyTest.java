package io.mlexp.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryPolicyTest {
    private static final String DIGEST = "@sha256:" + "a".repeat(64);

    @Test
    void allowsTheListedRegistriesOnly() {
        var policy = RegistryPolicy.of("registry.example:5000, ghcr.io", false);

        assertThat(policy.problem(ImageReference.parse("registry.example:5000/ml/torch:2.5.1"))).isEmpty();
        assertThat(policy.problem(ImageReference.parse("GHCR.io/team/torch:2.5.1"))).isEmpty();
        assertThat(policy.problem(ImageReference.parse("evil.example/torch:2.5.1")))
                .hasValueSatisfying(why -> assertThat(why).contains("evil.example", "not an allowed registry",
                        "registry.example:5000, ghcr.io"));
    }

    @Test
    void namesDockerHubForImagesWithoutARegistry() {
        var policy = new RegistryPolicy(List.of("registry.example"), false);

        assertThat(policy.problem(ImageReference.parse("pytorch/pytorch:2.5.1")))
                .hasValueSatisfying(why -> assertThat(why).contains("comes from docker.io"));
        assertThat(new RegistryPolicy(List.of("docker.io"), false).problem(ImageReference.parse("pytorch/pytorch:2.5.1")))
                .isEmpty();
    }

    @Test
    void requiresADigestWhenTheTeamSaysSo() {
        var policy = RegistryPolicy.of("", true);

        assertThat(policy.problem(ImageReference.parse("ghcr.io/team/torch:2.5.1")))
                .hasValueSatisfying(why -> assertThat(why).contains("no digest"));
        assertThat(policy.problem(ImageReference.parse("ghcr.io/team/torch:2.5.1" + DIGEST))).isEmpty();
        assertThat(RegistryPolicy.any().problem(ImageReference.parse("ghcr.io/team/torch:2.5.1"))).isEmpty();
    }
}
