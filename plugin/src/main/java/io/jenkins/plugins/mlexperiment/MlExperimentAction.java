package io.jenkins.plugins.mlexperiment;

import hudson.model.Run;
import io.mlexp.check.Finding;
import io.mlexp.ci.OutcomeJson;
import io.mlexp.ci.RunOutcome;
import io.mlexp.report.ReportHtml;
import io.mlexp.util.AtomicFiles;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The build's "ML Experiment" page. {@code build.xml} keeps a small summary (verdict, context, each stage's
 * verdict, the final metrics); the whole outcome, with findings and the report, is {@code ml-experiment/outcome.json}
 * in the build's directory, read when the page is opened and held weakly, as warnings-ng keeps its results.
 */
public final class MlExperimentAction implements RunAction2 {
    static final String URL_NAME = "mlExperiment";
    static final String OUTCOME_FILE = "ml-experiment/outcome.json";

    private final String verdict;
    private final String context;
    private final LinkedHashMap<String, String> stages = new LinkedHashMap<>();
    private final LinkedHashMap<String, Double> metrics = new LinkedHashMap<>();
    @SuppressWarnings("NullAway.Init") // Jenkins sets it in onAttached or onLoad before anything reads the action
    private transient Run<?, ?> run;
    private transient WeakReference<RunOutcome> outcome = new WeakReference<>(null);

    private MlExperimentAction(RunOutcome outcome) {
        verdict = outcome.verdict().label();
        context = outcome.context();
        outcome.stages().forEach(stage -> stages.put(stage.stage().label(), stage.status().label()));
        metrics.putAll(outcome.metrics());
    }

    /** The action for {@code run}, with its outcome written to the build's directory. */
    static MlExperimentAction record(Run<?, ?> run, RunOutcome outcome) {
        AtomicFiles.replace(outcomeFile(run), outcome.json());
        var action = new MlExperimentAction(outcome);
        action.outcome = new WeakReference<>(outcome);
        return action;
    }

    private static Path outcomeFile(Run<?, ?> run) {
        return run.getRootDir().toPath().resolve(OUTCOME_FILE);
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        run = r;
        outcome = new WeakReference<>(null);
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

    public String getVerdict() {
        return verdict;
    }

    public String getContext() {
        return context;
    }

    /** Each stage's verdict, from the summary in {@code build.xml}. */
    public Map<String, String> getStages() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stages)); // in the order the stages ran
    }

    public Map<String, Double> getMetrics() {
        return new LinkedHashMap<>(metrics);
    }

    /** {@code loss 0.046 · accuracy 0.98}, for the build's summary line. */
    public String getMetricsLine() {
        return metrics.entrySet().stream().map(metric -> metric.getKey() + " " + String.format(Locale.ROOT, "%.4g", metric.getValue()))
                .collect(Collectors.joining(" · "));
    }

    /** The whole outcome, read from the build's directory on first use and held weakly; empty when the file is gone. */
    Optional<RunOutcome> outcome() {
        var loaded = outcome == null ? null : outcome.get();
        if (loaded == null && run != null) {
            try {
                loaded = OutcomeJson.read(Files.readString(outcomeFile(run), StandardCharsets.UTF_8));
                outcome = new WeakReference<>(loaded);
            } catch (IOException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(loaded);
    }

    /** A stage's row on the page: its findings in their one-line form, control characters escaped. */
    public static final class StageRow {
        private final String stage;
        private final String status;
        private final String summary;
        private final List<String> findings;

        StageRow(String stage, String status, String summary, List<String> findings) {
            this.stage = stage;
            this.status = status;
            this.summary = summary;
            this.findings = findings;
        }

        public String getStage() {
            return stage;
        }

        public String getStatus() {
            return status;
        }

        public String getSummary() {
            return summary;
        }

        public List<String> getFindings() {
            return findings;
        }
    }

    public List<StageRow> getStageRows() {
        return outcome().map(o -> o.stages().stream().map(stage -> new StageRow(stage.stage().label(), stage.status().label(),
                        stage.summary(), stage.findings().stream().map(Finding::format).toList())).toList())
                .orElseGet(() -> stages.entrySet().stream().map(stage -> new StageRow(stage.getKey(), stage.getValue(),
                        "(the details of this build are gone: " + OUTCOME_FILE + " is missing)", List.of())).toList());
    }

    /** The report fragment, sanitised here on the controller: it was written on an agent. */
    public String getReportHtml() {
        return outcome().flatMap(RunOutcome::report).map(report -> ReportHtml.sanitize(report.html())).orElse("");
    }

    /** The charts' data, for a data attribute (Jelly escapes it). */
    public String getChartData() {
        return outcome().flatMap(RunOutcome::report).map(RunOutcome.Report::chartData).orElse("{}");
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
