package io.jenkins.plugins.mlexperiment;

import edu.hm.hafner.echarts.JacksonFacade;
import edu.hm.hafner.echarts.LinesChartModel;
import edu.hm.hafner.echarts.Palette;
import io.jenkins.plugins.echarts.AsyncTrendChart;
import io.mlexp.history.HistoryEntry;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.bind.JavaScriptMethod;

/** One metric across a project's tags, as echarts-api's line chart model, drawn by its trend chart from the index. */
public class MetricTrend implements AsyncTrendChart {
    private final String metric;
    private final int colour;
    private final List<HistoryEntry> entries;

    MetricTrend(String metric, int colour, List<HistoryEntry> entries) {
        this.metric = metric;
        this.colour = colour;
        this.entries = List.copyOf(entries);
    }

    public String getMetric() {
        return metric;
    }

    public String getUrlName() {
        return MlExperimentAction.URL_NAME;
    }

    /** The points with a finite value: one per tag, labelled with the tag. */
    LinesChartModel model() {
        var labels = new ArrayList<String>();
        var series = new MetricSeries(metric, Palette.color(colour));
        for (var entry : entries) {
            var value = entry.metrics().get(metric);
            if (value != null && Double.isFinite(value)) {
                labels.add(entry.label());
                series.addValue(value);
            }
        }
        var model = new LinesChartModel();
        model.setDomainAxisLabels(labels);
        model.setDomainAxisItemName("tag");
        model.useContinuousRangeAxis();
        model.addSeries(series);
        return model;
    }

    @JavaScriptMethod
    @Override
    public String getBuildTrendModel() {
        return new JacksonFacade().toJson(model());
    }

    /** A line needs two points. */
    @Override
    public boolean isTrendVisible() {
        return model().getDomainAxisLabels().size() > 1;
    }
}
