package io.mlexp.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    @Test
    void aSwapOfTwoLettersIsOneTypo() {
        assertThat(DidYouMean.distance("nwe", "new")).isEqualTo(1);
        assertThat(DidYouMean.closest("nwe", List.of("new", "check", "render"))).hasValue("new");
        assertThat(DidYouMean.closest("comits", List.of("commit-msg", "commits", "staged"))).hasValue("commits");
        assertThat(DidYouMean.closest("zzz", List.of("new", "check", "render"))).isEmpty();
    }
}
