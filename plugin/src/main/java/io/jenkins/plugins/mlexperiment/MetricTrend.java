package io.jenkins.plugins.mlexperiment;

import io.jenkins.plugins.echarts.AsyncTrendChart;
import io.mlexp.history.HistoryEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.bind.JavaScriptMethod;

/** One metric across a job's tags, drawn by echarts-api's trend chart from the job index. */
public class MetricTrend implements AsyncTrendChart {
    private final String metric;
    private final List<HistoryEntry> entries;

    MetricTrend(String metric, List<HistoryEntry> entries) {
        this.metric = metric;
        this.entries = List.copyOf(entries);
    }

    public String getMetric() {
        return metric;
    }

    public String getUrlName() {
        return MlExperimentAction.URL_NAME;
    }

    /** The model echarts-api's renderer expects: axis labels, and one line series. */
    @JavaScriptMethod
    @Override
    public String getBuildTrendModel() {
        var labels = new ArrayList<String>();
        var values = new ArrayList<Double>();
        for (var entry : entries) {
            var value = entry.metrics().get(metric);
            if (value != null && Double.isFinite(value)) {
                labels.add(entry.label());
                values.add(value);
            }
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", metric);
        series.put("type", "line");
        series.put("symbol", "circle");
        series.put("data", values);
        series.put("itemStyle", Map.of("color", "--blue"));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("domainAxisLabels", labels);
        model.put("buildNumbers", List.of());
        model.put("series", List.of(series));
        return Json.write(model);
    }

    @Override
    public boolean isTrendVisible() {
        return entries.size() > 1;
    }
}
