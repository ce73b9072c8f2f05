package io.mlexp.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A bounded part of a metrics log of any length: at most {@value #EVEN_POINTS} evenly spaced samples (every k-th,
 * k doubling whenever they fill up), which is what a chart draws, and every sample a verdict reads: the first and
 * the last that logs each metric, and the first non-finite value of each. {@link Expectations} and the final values
 * come out the same as from the whole log; memory stays flat in the log's length.
 */
public final class BoundedSamples implements Consumer<Sample> {
    public static final int EVEN_POINTS = 4096;

    private final TreeMap<Long, Sample> even = new TreeMap<>();
    private final Map<String, Indexed> first = new HashMap<>();
    private final Map<String, Indexed> last = new HashMap<>();
    private final Map<String, Indexed> nonFinite = new HashMap<>();
    private long index;
    private long stride = 1;

    private record Indexed(long index, Sample sample) {
    }

    @Override
    public void accept(Sample sample) {
        long at = index++;
        if (at % stride == 0) {
            even.put(at, sample);
            if (even.size() > EVEN_POINTS) {
                stride *= 2;
                even.keySet().removeIf(key -> key % stride != 0);
            }
        }
        var indexed = new Indexed(at, sample);
        sample.values().forEach((name, value) -> {
            first.putIfAbsent(name, indexed);
            last.put(name, indexed);
            if (!Double.isFinite(value)) {
                nonFinite.putIfAbsent(name, indexed);
            }
        });
    }

    /** The samples kept, in the order they were logged. */
    public List<Sample> samples() {
        var kept = new TreeMap<>(even);
        for (var map : List.of(first, last, nonFinite)) {
            map.values().forEach(indexed -> kept.put(indexed.index(), indexed.sample()));
        }
        return new ArrayList<>(kept.values());
    }
}
