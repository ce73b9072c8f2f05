package io.mlexp.commit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConventionalHeaderTest {
    @ParameterizedTest
    @ValueSource(strings = {"feat: add", "feat(data): add", "feat(data)!: drop", "feat!: drop", "fix:", "fix: ",
            "fix:add", "fix :add", "Feat: x", "feat-x_9: y", "9feat: y", "feat(a(b)): c", "feat(a: b", "feat(): c",
            "feat()!: c", "feat!!: c", "feat: a\rb", "feat: a\u2028b", "feat: a\u0085b", "feat(a\nb): c", "",
            ":", "f:", "é: x", "feat(é): ü", "feat:  two spaces", "[exp] x", "feat(data)", "feat(data):"})
    void shouldReadAHeaderAsThePatternDoes(String header) {
        assertThat(ConventionalHeader.parse(header)).isEqualTo(byPattern(header));
    }

    @Test
    void shouldAgreeWithThePatternOnRandomHeaders() {
        String[] pieces = {"feat", "a", "Z9", "_", "-", "(", ")", "(data)", "()", "!", ":", ": ", " ", "x y", "\r", "\n",
            "\u2028", "\u0085", "é", "[", "]", "0"};
        var random = new Random(42);
        int matched = 0;
        for (int i = 0; i < 200_000; i++) {
            var header = new StringBuilder();
            int length = random.nextInt(7);
            for (int j = 0; j < length; j++) {
                header.append(pieces[random.nextInt(pieces.length)]);
            }
            var text = header.toString();
            var expected = byPattern(text);
            assertThat(ConventionalHeader.parse(text)).as("'%s'", text).isEqualTo(expected);
            matched += expected.isPresent() ? 1 : 0;
        }
        assertThat(matched).as("headers that follow the convention among the random ones").isGreaterThan(1_000);
    }

    private static Optional<ConventionalHeader.Parts> byPattern(String header) {
        var matcher = ConventionalHeader.PATTERN.matcher(header);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        var description = matcher.group("description");
        var scope = matcher.group("scope");
        return Optional.of(new ConventionalHeader.Parts(matcher.group("type"), scope == null ? "" : scope,
                description == null ? "" : description));
    }
}
