package io.mlexp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizeAndDurationTest {
    @ParameterizedTest
    @CsvSource({"5MB, 5000000", "5mb, 5000000", "512KiB, 524288", "1.5GB, 1500000000", "1024, 1024", "2 MiB, 2097152", "0, 0"})
    void shouldParseSizesInSiAndIecUnits(String text, long bytes) {
        assertThat(DataSize.parse(text).bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5MB", "5 potatoes", "MB", "5XB", "", "99999999999TB"})
    void shouldRefuseMalformedSizes(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> DataSize.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "10m, PT10M", "1h30m, PT1H30M", "500ms, PT0.5S", "2h, PT2H"})
    void shouldParseDurations(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
        assertThat(Durations.parse(Durations.format(expected))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "10 minutes", "0s", "-5m", "m", "1.5h", "10M"})
    void shouldRefuseMalformedOrZeroDurations(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(text));
    }

    @Test
    void shouldRefuseAnOverflowingDuration() {
        assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse("99999999999999999999h"))
                .withMessageContaining("too long");
    }
}
