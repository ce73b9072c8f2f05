package io.mlexp.image;

import static io.mlexp.check.Rule.Family.FILES;
import static io.mlexp.check.Rule.Family.SMOKE;

import io.mlexp.check.Rule;
import io.mlexp.check.RuleCatalog;
import java.util.List;

/** The rules of the images a Dockerfile builds on. */
public final class ImageRuleCatalog implements RuleCatalog {
    private static final String FINGERPRINT = ".mlexp/smoke/smoke.json";
    private static final String DIGEST = "@sha256:" + "a".repeat(64);

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.error("image-tag-mismatch", SMOKE, "The versions an image's tag names are the ones the run measured.")
                        .reads("smoke.image")
                        .explain("`pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime` promises torch 2.5.1, CUDA 12.4 and cuDNN 9; the"
                                + " smoke run's fingerprint (`smoke.json`) says what the container held. NGC tags (`24.01-py3`)"
                                + " name a release and promise nothing. `smoke.image-tag-pattern` can require a naming scheme.")
                        .given("smoke:\n  image: pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime@sha256:" + "a".repeat(64) + "\n")
                        .passes(FINGERPRINT, "{\"torch\": \"2.5.1+cu124\", \"cuda\": \"12.4\", \"cudnn\": \"90100\"}")
                        .fails(FINGERPRINT, "{\"torch\": \"2.4.0+cu121\", \"cuda\": \"12.1\", \"cudnn\": \"90100\"}"),
                Rule.error("dockerfile-unpinned", FILES, "Base images are pinned, never `latest`.")
                        .reads("smoke.pin")
                        .explain("With `smoke.pin: digest` (the default) a `FROM` names a registry digest; with `tag`, a version tag."
                                + " An image the same Dockerfile builds in an earlier stage needs neither.")
                        .passes("Dockerfile", "FROM pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime" + DIGEST + "\n")
                        .fails("Dockerfile", "FROM pytorch/pytorch:latest\n"),
                Rule.error("dockerfile-no-from", FILES, "A Dockerfile names its base image.")
                        .passes("Dockerfile", "FROM busybox:1.36" + DIGEST + "\n").fails("Dockerfile", "RUN echo no base\n"),
                Rule.error("dockerfile-invalid-image", FILES, "A `FROM` names a well-formed image reference.")
                        .passes("Dockerfile", "FROM busybox:1.36" + DIGEST + "\n").fails("Dockerfile", "FROM busybox:1.36@sha256:123\n"),
                Rule.warning("dockerfile-unresolved", FILES, "A `FROM` whose image comes from an `ARG` has a default to check.")
                        .passes("Dockerfile", "ARG BASE=busybox:1.36" + DIGEST + "\nFROM ${BASE}\n")
                        .fails("Dockerfile", "ARG BASE\nFROM ${BASE}\n"));
    }
}
