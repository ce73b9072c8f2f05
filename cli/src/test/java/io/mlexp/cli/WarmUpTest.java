package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WarmUpTest {
    @Test
    void theServersWarmUpLeavesNoScratchRepositoryBehind() throws Exception {
        var before = scratch();

        WarmUp.forTheJit(2);

        assertThat(scratch()).isEqualTo(before);
    }

    private static Set<Path> scratch() throws Exception {
        try (var entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(path -> path.getFileName().toString().startsWith("mlexp-warm-up")).collect(Collectors.toSet());
        }
    }
}
