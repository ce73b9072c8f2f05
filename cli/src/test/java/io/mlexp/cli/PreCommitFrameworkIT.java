package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hooks of {@code .pre-commit-hooks.yaml} through the real pre-commit framework ({@code pre-commit try-repo} on this
 * checkout), the version the machine has: Debian 12's 3.0.4 refused the manifest's stage names. Needs the
 * {@code pre-commit} command (Debian: apt-get install pre-commit); .ci/run installs it.
 */
class PreCommitFrameworkIT {
    private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();
    private static final Path BIN = Path.of("target", "mlexp", "bin").toAbsolutePath();

    @TempDir
    Path repo;

    @BeforeEach
    void repository() throws Exception {
        run(List.of("git", "init", "-q", "-b", "main"));
        Files.writeString(repo.resolve(".mlexp.yml"), "version: 1\n");
        run(List.of("git", "add", ".mlexp.yml"));
        run(List.of("git", "-c", "user.name=Ada", "-c", "user.email=ada@example.org", "-c", "commit.gpgsign=false",
                "commit", "-q", "-m", "feat: the rules"));
    }

    @Test
    void theStagedFilesHookRefusesWeightsUnderTheFramework() throws Exception {
        Files.createDirectories(repo.resolve("out"));
        Files.writeString(repo.resolve("out/best.pt"), "weights");
        run(List.of("git", "add", "out/best.pt"));

        var result = run(List.of("pre-commit", "try-repo", CHECKOUT.toString(), "mlexp-staged"));

        assertThat(result.output()).doesNotContain("InvalidManifestError", "deprecated stage names")
                .contains("out/best.pt: error: matches files.forbidden pattern '*.pt' [file-forbidden]");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void theCommitMessageHookRunsAtTheCommitMsgStage() throws Exception {
        Files.writeString(repo.resolve("MSG"), "WIP stuff\n");

        var result = run(List.of("pre-commit", "try-repo", CHECKOUT.toString(), "mlexp-commit-msg", "--hook-stage", "commit-msg",
                "--commit-msg-filename", "MSG"));

        assertThat(result.output()).doesNotContain("InvalidManifestError").contains("MSG:1:1: error:", "[commit-wip]");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    private record Result(int exitCode, String output) {
    }

    private Result run(List<String> command) throws Exception {
        var builder = new ProcessBuilder(new ArrayList<>(command)).directory(repo.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", BIN + ":" + System.getenv("PATH"));
        builder.environment().put("PRE_COMMIT_HOME", repo.resolve(".cache-pre-commit").toString());
        builder.environment().put("MLEXP_SERVER_IDLE", "60");
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
