package io.mlexp.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast path reads every number to the very bit Double.parseDouble reads. */
class PlainDecimalTest {
    @Test
    void readsEveryNumberAsParseDoubleDoesToTheBit() {
        var random = new SplittableRandom(19);
        for (int i = 0; i < 500_000; i++) {
            double value = random.nextDouble() * Math.pow(10, random.nextInt(-8, 9));
            var text = switch (i % 5) {
                case 0 -> String.format(Locale.ROOT, "%.6f", value);
                case 1 -> String.format(Locale.ROOT, "%.15g", value);
                case 2 -> Double.toString(value);
                case 3 -> "-" + String.format(Locale.ROOT, "%.3f", value);
                default -> String.valueOf(random.nextLong(-10_000_000_000L, 10_000_000_000L));
            };
            assertThat(Double.doubleToRawLongBits(PlainDecimal.parse(text))).as(text)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
        }
        for (var text : new String[] {"0", "-0", "+0.5", ".5", "5.", "-.25", "0.1", "0.30000000000000004", "123456789012345.6",
            "1e-3", "2.5E10", "9007199254740993", "0.000000000000000000000001", "1d", "0x1p3", "00000000000000000000001.5"}) {
            assertThat(Double.doubleToRawLongBits(PlainDecimal.parse(text))).as(text)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
        }
    }

    @Test
    void refusesWhatParseDoubleRefuses() {
        for (var text : new String[] {"", "-", ".", "1.2.3", "1,5", "12a"}) {
            assertThatThrownBy(() -> PlainDecimal.parse(text)).as(text).isInstanceOf(NumberFormatException.class);
        }
    }
}
