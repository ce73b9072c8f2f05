package io.mlexp.experiments;

import io.mlexp.config.ConfigValues;
import io.mlexp.check.Finding;
import io.mlexp.config.RecordConfig;
import io.mlexp.git.CommitLog;
import io.mlexp.history.HistoryEntry;
import io.mlexp.record.RecordCheck;
import io.mlexp.record.RecordRules;
import io.mlexp.record.RepoReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where claims are checked: a tag's message and its record against the tag's measurement (the tag context), and each
 * record against the newest measurement the history holds for it ({@code mlexp record check}). A measurement is a full
 * training run's metrics ({@code mlexp history append}): a smoke run of a few steps cannot confirm what a full training
 * reached, so claims are never held against one. Hyperparameters are checked against the config whatever was measured.
 */
public final class Claimed {
    private Claimed() {
    }

    /**
     * The claims of tag {@code tag} (its annotated message, and the Results of the record {@code record}) against the tag's
     * full run in {@code history}; hyperparameters against the config the record names, in the working tree.
     */
    public static List<Finding> ofTag(Path root, RecordConfig config, String tag, Optional<String> record, List<HistoryEntry> history) {
        var findings = new ArrayList<Finding>();
        var check = new ClaimCheck(config.claims());
        var values = ConfigValues.empty();
        var configPath = "";
        var measured = fullRuns(history).filter(entry -> entry.tag().filter(tag::equals).isPresent()).reduce((first, second) -> second);
        var read = record.flatMap(id -> new RecordCheck(config).find(root, id));
        if (read.isPresent()) {
            var named = read.get().record();
            measured.ifPresent(entry -> findings.addAll(read.get().source().locate(check.results(Claims.ofRecord(named), entry))));
            if (named.config().isPresent()) {
                var mapping = RecordRules.namedConfig(named.config().get(), RepoReader.workingTree(root), new ArrayList<>());
                values = mapping.map(ConfigValues::of).orElse(values);
                configPath = named.config().get().text();
            }
        }
        var message = CommitLog.tagMessage(root, tag);
        if (message.isPresent()) {
            findings.addAll(check.tagMessage(Claims.inText(message.get(), "refs/tags/" + tag), measured, values, configPath));
        }
        return findings;
    }

    /** Each record's Results against the newest full run of it in {@code history} (a tagged one first); none, nothing. */
    public static List<Finding> ofRecords(Path root, RecordConfig config, List<String> paths, List<HistoryEntry> history) {
        var findings = new ArrayList<Finding>();
        var check = new ClaimCheck(config.claims());
        var records = new RecordCheck(config);
        for (var path : paths) {
            try {
                var source = io.mlexp.record.RecordSource.read(root.resolve(path), path);
                var record = records.parse(source);
                record.id(config.idPattern().pattern()).flatMap(id -> newest(history, id.text()))
                        .ifPresent(entry -> findings.addAll(source.locate(check.results(Claims.ofRecord(record), entry))));
            } catch (io.mlexp.check.InvalidInputException e) {
                // record check reports an unreadable record itself
            }
        }
        return findings;
    }

    /** The entries of full training runs: those no smoke run produced. */
    public static java.util.stream.Stream<HistoryEntry> fullRuns(List<HistoryEntry> history) {
        return history.stream().filter(entry -> entry.smoke().isEmpty());
    }

    private static Optional<HistoryEntry> newest(List<HistoryEntry> history, String id) {
        return fullRuns(history).filter(entry -> entry.record().filter(id::equals).isPresent())
                .max(Comparator.<HistoryEntry, Boolean>comparing(entry -> entry.tag().isPresent()).thenComparing(HistoryEntry::date));
    }
}
