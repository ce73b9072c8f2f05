package io.jenkins.plugins.mlexperiment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import edu.hm.hafner.echarts.LineSeries;
import edu.hm.hafner.echarts.Palette;
import java.util.ArrayList;
import java.util.List;

/**
 * A line of echarts-api's model whose points are metric values: {@link LineSeries} holds whole numbers (warning
 * counts), an accuracy of 0.91 is not one. The JSON is the same but for {@code data}.
 */
public class MetricSeries extends LineSeries {
    private final List<Double> values = new ArrayList<>();

    MetricSeries(String name, Palette color) {
        super(name, color.getNormal(), StackedMode.SEPARATE_LINES, FilledMode.LINES);
    }

    void addValue(double value) {
        values.add(value);
    }

    @Override
    @JsonIgnore
    public List<Integer> getData() {
        return List.of();
    }

    @JsonProperty("data")
    public List<Double> getValues() {
        return List.copyOf(values);
    }
}
