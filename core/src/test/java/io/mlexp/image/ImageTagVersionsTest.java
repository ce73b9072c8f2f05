package io.mlexp.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.check.Finding;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.ConfigLoader;
import io.mlexp.check.InvalidInputException;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** What real image tags promise, and runs that keep or break the promise. */
class ImageTagVersionsTest {
    @Test
    void shouldReadTheVersionsTheTagsOfRealImagesName() {
        assertThat(promised("pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime"))
                .containsExactly(Map.entry("torch", "2.5.1"), Map.entry("cuda", "12.4"), Map.entry("cudnn", "9"));
        assertThat(promised("registry.example/team/pytorch-cuda:2.9-cuda11.8")).containsExactly(Map.entry("torch", "2.9"),
                Map.entry("cuda", "11.8"));
        assertThat(promised("ghcr.io/acme/trainer:torch2.3-cu121-py311")).containsExactly(Map.entry("torch", "2.3"),
                Map.entry("cuda", "12.1"));
        assertThat(promised("nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04")).as("not a torch image: the leading number is CUDA's")
                .isEmpty();
        assertThat(promised("nvcr.io/nvidia/pytorch:24.01-py3")).as("an NGC release, not a torch version").isEmpty();
        assertThat(promised("python:3.11-slim")).isEmpty();
    }

    @Test
    void shouldCompareWhatTheTagWritesWithTheMeasuredVersions() {
        var image = ImageReference.parse("pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime");

        assertThat(check(image, Map.of("torch", "2.5.1+cu124", "cuda", "12.4", "cudnn", "90100"))).isEmpty();
        assertThat(check(image, Map.of("torch", "not importable: ImportError"))).as("nothing measured, nothing claimed false").isEmpty();
        assertThat(check(image, Map.of("torch", "2.5.10", "cuda", "11.8", "cudnn", "8902"))).extracting(Finding::message).containsExactly(
                "the image pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime says torch 2.5.1 in its tag, but the run measured torch 2.5.10",
                "the image pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime says CUDA 12.4 in its tag, but the run measured CUDA 11.8",
                "the image pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime says cuDNN 9 in its tag, but the run measured cuDNN 8902");
        assertThat(ImageTagVersions.cudnn("8902")).isEqualTo("8.9.2");
        assertThat(ImageTagVersions.cudnn("90100")).isEqualTo("9.1.0");
    }

    @Test
    void shouldHoldTheConfiguredImageToTheTeamsNamingScheme() {
        var pinned = "@sha256:" + "c".repeat(64);
        var scheme = "version: 1\nsmoke:\n  image-tag-pattern: '\\d+\\.\\d+(\\.\\d+)?-cuda\\d+\\.\\d+'\n  image: ";

        assertThat(new ConfigLoader().parse(scheme + "reg.example/ml/pytorch-cuda:2.9-cuda11.8" + pinned + "\n", ".mlexp.yml")
                .smoke().image()).isPresent();
        Assertions.assertThatThrownBy(() -> new ConfigLoader().parse(scheme + "reg.example/ml/pytorch-cuda:nightly" + pinned + "\n",
                        ".mlexp.yml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(".mlexp.yml:4:10: error: smoke.image: the tag of reg.example/ml/pytorch-cuda:nightly")
                .hasMessageContaining("does not follow smoke.image-tag-pattern");
    }

    private static Map<String, String> promised(String image) {
        return ImageTagVersions.promised(ImageReference.parse(image));
    }

    private static java.util.List<Finding> check(ImageReference image, Map<String, String> fingerprint) {
        return ImageTagVersions.check(image, fingerprint, SourceLocation.of(".mlexp/smoke/smoke.json"));
    }
}
