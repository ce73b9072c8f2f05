package io.jenkins.plugins.mlexperiment;

import hudson.model.Run;
import io.mlexp.report.ReportHtml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The build's "ML Experiment" page: verdicts per stage with findings, the smoke run's metrics, the
 * report (metrics with deltas, loss curve, fingerprint, sanitised record) and its charts. It keeps
 * one field, the outcome's JSON text, so XStream stores and reloads it without Java records.
 */
public class MlExperimentAction implements RunAction2 {
    static final String URL_NAME = "mlExperiment";

    private final String outcome;
    private transient Run<?, ?> run;
    private transient Map<String, Object> parsed;

    MlExperimentAction(String outcome) {
        this.outcome = outcome;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return "ML Experiment";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    String getOutcomeJson() {
        return outcome;
    }

    private Map<String, Object> outcome() {
        if (parsed == null) {
            parsed = Json.read(outcome);
        }
        return parsed;
    }

    public String getVerdict() {
        return String.valueOf(outcome().get("verdict"));
    }

    public String getContext() {
        return String.valueOf(outcome().getOrDefault("context", ""));
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> getStages() {
        return (List<Map<String, Object>>) outcome().getOrDefault("stages", List.of());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> getMetrics() {
        return (Map<String, Object>) outcome().getOrDefault("metrics", Map.of());
    }

    /** The report fragment, sanitised here on the controller: it was written on an agent. */
    public String getReportHtml() {
        return ReportHtml.sanitize(String.valueOf(outcome().getOrDefault("html", "")));
    }

    /** The charts' data, for a data attribute (Jelly escapes it). */
    public String getChartData() {
        return String.valueOf(outcome().getOrDefault("chartData", "{}"));
    }

    public String getStyle() {
        return ReportHtml.style();
    }

    /** The script that draws the report's charts with the ECharts of echarts-api. */
    public void doCharts(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
        response.setContentType("text/javascript;charset=UTF-8");
        response.setHeader("Cache-Control", "max-age=3600");
        response.getOutputStream().write(ReportHtml.chartsScript().getBytes(StandardCharsets.UTF_8));
    }
}
