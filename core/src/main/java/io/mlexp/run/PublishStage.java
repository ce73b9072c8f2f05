package io.mlexp.run;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.MlexpConfig;
import io.mlexp.context.BuildContext;
import io.mlexp.experiments.Claimed;
import io.mlexp.experiments.Experiments;
import io.mlexp.git.CommitLog;
import io.mlexp.history.Entries;
import io.mlexp.history.History;
import io.mlexp.history.HistoryEntry;
import io.mlexp.metrics.MetricsReader;
import io.mlexp.metrics.Sample;
import io.mlexp.record.NamedRecordCheck;
import io.mlexp.report.Reports;
import io.mlexp.smoke.Smoke;
import io.mlexp.smoke.SmokeReport;
import io.mlexp.smoke.SmokeResult;
import io.mlexp.workspace.Workspace;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The publish stage, on tags and pull requests: the smoke run's final metrics become a history entry
 * (appended on a tag; on a pull request only compared with the latest entry), the quality gates are
 * checked against the previous tag or the base, and the report is written to {@code .mlexp/report}.
 */
final class PublishStage implements StageRunner {
    @Override
    public StageResult run(Workspace workspace, MlexpConfig config, BuildContext context) {
        return run(workspace, config, context, List.of());
    }

    /** Publishes the smoke run of this run when there is one, else the one {@code .mlexp/smoke} holds. */
    @Override
    public StageResult run(Workspace workspace, MlexpConfig config, BuildContext context, List<StageResult> earlier) {
        var root = workspace.root();
        var smokeStage = earlier.stream().filter(stage -> stage.stage() == Stage.SMOKE).findFirst();
        if (smokeStage.isPresent() && smokeStage.get().status() == StageResult.Status.NOT_AVAILABLE) {
            return StageResult.notAvailable(Stage.PUBLISH, "nothing to publish: the smoke stage could not run here");
        }
        var warnings = new ArrayList<Finding>();
        var ran = smokeStage.flatMap(StageResult::smoke);
        var written = ran.map(SmokeReport.Written::of).or(() -> SmokeReport.read(root.resolve(Smoke.OUTPUT).resolve("smoke.json")));
        if (written.isEmpty()) {
            return StageResult.of(Stage.PUBLISH, "nothing to publish", List.of(Finding.error("publish-no-smoke",
                    SourceLocation.of(Smoke.OUTPUT + "/smoke.json"), "there is no smoke run to publish")
                    .withHint("run the smoke stage first (mlexp run runs it before publish)")));
        }
        List<Sample> samples = ran.map(SmokeResult::metrics).orElseGet(() -> samplesWritten(root, warnings));
        var head = CommitLog.resolve(root, context.head());
        var entry = new HistoryEntry(HistoryEntry.SCHEMA, context.tag(), head.id(), Instant.now(), context.kind().label(),
                Entries.finalValues(samples), Optional.of(new HistoryEntry.SmokeSummary(written.get().verdict(), written.get().engine(),
                        written.get().seconds())), written.get().fingerprint(), recordOf(root, config, context, head));

        var history = History.at(config.historyDirectory(root));
        var loaded = history.read();
        warnings.addAll(loaded.warnings());
        var entries = new ArrayList<>(loaded.entries());
        var base = context.kind() == BuildContext.Kind.TAG ? Entries.previousTag(entries, entry) : Entries.latest(entries);
        if (context.kind() == BuildContext.Kind.TAG) {
            entries.add(entry);
        }
        var commits = Reports.commits(root, base, entry, warnings, history.file().toString());
        var claims = context.tag().map(tag -> Claimed.ofTag(root, config.record(), tag, entry.record(), entries)).orElse(List.of());
        var experiments = Experiments.table(root, config.record(), entries, warnings);
        var title = "mlexp report: " + context.describe();
        var facts = Reports.facts(title, entry, base, Entries.trend(entries), config.publish().gates(), samples,
                Reports.recordHtml(root, config.record(), entry.record()), commits, concat(claims, warnings))
                .withExperiments(experiments);
        if (context.kind() == BuildContext.Kind.TAG) {
            history.append(entry);
        }
        Reports.write(root.resolve(Reports.OUTPUT), facts, EnumSet.allOf(Reports.Format.class));
        var summary = (context.kind() == BuildContext.Kind.TAG ? "appended " + entry.label() + " to "
                + root.relativize(history.file()) + "; " : "") + "compared with "
                + base.map(HistoryEntry::label).orElse("nothing (the history is empty)") + "; report in " + Reports.OUTPUT
                + "/index.html, summary.md, report.json";
        var findings = new ArrayList<>(facts.gates());
        findings.addAll(claims);
        findings.addAll(warnings);
        return StageResult.of(Stage.PUBLISH, summary, findings).withReport(facts);
    }

    private static List<Finding> concat(List<Finding> first, List<Finding> second) {
        var both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static List<Sample> samplesWritten(java.nio.file.Path root, List<Finding> warnings) {
        var metricsFile = root.resolve(Smoke.OUTPUT).resolve("metrics.jsonl");
        try {
            return Files.exists(metricsFile) ? MetricsReader.read(metricsFile, Smoke.OUTPUT + "/metrics.jsonl") : List.of();
        } catch (InvalidInputException e) {
            warnings.addAll(e.findings());
            return List.of();
        }
    }

    /** For a tag, the newest ID its commits name (those the record stage checked); else the first the head commit names. */
    private static Optional<String> recordOf(java.nio.file.Path root, MlexpConfig config, BuildContext context, CommitLog.Line head) {
        if (context.kind() == BuildContext.Kind.TAG) {
            var named = new NamedRecordCheck(config.record()).idsOfTag(root, head.id());
            if (!named.isEmpty()) {
                return Optional.of(named.get(0));
            }
        }
        return recordId(config, head.subject());
    }

    /** The first experiment ID the commit message names. */
    private static Optional<String> recordId(MlexpConfig config, String message) {
        var matcher = config.record().idPattern().pattern().matcher(message);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }
}
