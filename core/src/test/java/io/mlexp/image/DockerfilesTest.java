package io.mlexp.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.check.Finding;
import org.junit.jupiter.api.Test;

/** Dockerfiles in the shapes real ML projects write them (mmengine-style ARG-driven bases, multi-stage builds). */
class DockerfilesTest {
    private static final String DIGEST = "@sha256:" + "0123456789abcdef".repeat(4);

    @Test
    void quotedArgDefaultsAreReadAsDockerReadsThem() {
        var text = """
                ARG PYTORCH="2.5.1"
                ARG CUDA='12.4'
                ARG DIGEST="%s"
                FROM pytorch/pytorch:${PYTORCH}-cuda${CUDA}-cudnn9-runtime${DIGEST}
                """.formatted(DIGEST);

        assertThat(Dockerfiles.check("docker/Dockerfile", text, PinPolicy.DIGEST)).isEmpty();
        assertThat(Dockerfiles.check("docker/Dockerfile", text.replace("ARG DIGEST=\"" + DIGEST + "\"", "ARG DIGEST=\"\""),
                PinPolicy.DIGEST)).extracting(Finding::message).singleElement().asString()
                .contains("pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime").doesNotContain("\"");
    }

    @Test
    void anEarlierStageIsNoRegistryImage() {
        var text = """
                FROM python:3.11-slim%s AS build
                RUN pip wheel -w /w .
                FROM build AS test
                FROM BUILD
                """.formatted(DIGEST);

        assertThat(Dockerfiles.check("Dockerfile", text, PinPolicy.DIGEST)).isEmpty();
    }

    @Test
    void anImageTheRepositoryBuildsItselfNeedsNoRegistryDigest() {
        var files = java.util.Map.of(
                "Makefile", "base:\n\tdocker build -f docker/Dockerfile.base -t team/detector-base:dev .\n",
                "docker-compose.yml", "services:\n  train:\n    build: .\n    image: team/trainer:latest\n",
                "scripts/release.sh", "#!/bin/sh\ndocker buildx build --tag=ghcr.io/team/serve:1.0 --push .\n",
                "README.md", "docker build -t team/not-from-docs .\n");
        var local = LocalImages.of(java.util.List.copyOf(files.keySet()), path -> java.util.Optional.ofNullable(files.get(path)));
        var text = """
                FROM team/detector-base:dev
                FROM team/trainer
                FROM ghcr.io/team/serve:1.0
                FROM team/not-from-docs:1
                FROM python:3.11
                """;

        assertThat(Dockerfiles.check("docker/Dockerfile", text, PinPolicy.DIGEST, () -> local)).extracting(Finding::location)
                .extracting(location -> location.line()).containsExactly(4, 5);
        assertThat(Dockerfiles.check("docker/Dockerfile", text, PinPolicy.DIGEST)).hasSize(5);
    }
}
