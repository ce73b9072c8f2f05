package io.mlexp.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RepoFileTest {
    @Test
    void shouldReadTheContentOnlyOnceHoweverManyRulesAskForIt() {
        var reads = new AtomicInteger();
        var file = new RepoFile("configs/a.yaml", 4, () -> {
            reads.incrementAndGet();
            return "x: 1".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        });

        new FileRules(io.mlexp.config.MlexpConfig.defaults()).check(file);
        file.content().get();

        assertThat(reads).hasValue(1);
    }

    @Test
    void shouldNotReadTheContentOfAForbiddenFile() {
        var reads = new AtomicInteger();
        var file = new RepoFile("model.pth", 1 << 30, () -> {
            reads.incrementAndGet();
            return new byte[0];
        });

        assertThat(new FileRules(io.mlexp.config.MlexpConfig.defaults()).check(file)).hasSize(2);
        assertThat(reads).hasValue(0);
    }
}
