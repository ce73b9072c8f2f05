package io.mlexp.smoke;

import io.mlexp.check.Finding;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.ConfigValues;
import io.mlexp.config.SmokeConfig;
import io.mlexp.record.ExperimentRecord;
import io.mlexp.record.RecordRules;
import io.mlexp.record.RepoReader;
import java.nio.file.Path;
import java.util.List;

/**
 * The learning rate and seed of the embedded training: {@code smoke.embedded}'s own, or those of the training config
 * {@code smoke.embedded.config} names ({@code lr}, {@code optim.lr} or {@code learning_rate}; {@code seed}), read with
 * what it inherits.
 *
 * @param source how the progress line names where they came from
 */
record TrainingSettings(double learningRate, long seed, String source) {
    static TrainingSettings of(SmokeConfig.Embedded embedded, SourceLocation where, Path repository, List<Finding> problems) {
        if (embedded.config().isEmpty()) {
            return new TrainingSettings(embedded.learningRate(), embedded.seed(), "");
        }
        var path = embedded.config().get();
        var unreadable = new java.util.ArrayList<Finding>();
        var config = RecordRules.namedConfig(new ExperimentRecord.Located(path, where), RepoReader.workingTree(repository), unreadable);
        unreadable.forEach(problem -> problems.add(new Finding("smoke-embedded-config", problem.severity(), problem.location(),
                "smoke.embedded.config: " + problem.message(), problem.hint())));
        if (config.isEmpty()) {
            return new TrainingSettings(embedded.learningRate(), embedded.seed(), "");
        }
        var values = ConfigValues.of(config.get());
        double learningRate = embedded.learningRate();
        var lr = values.find("lr");
        if (lr.isPresent()) {
            try {
                learningRate = Double.parseDouble(lr.get().getValue().text());
            } catch (NumberFormatException e) {
                problems.add(Finding.error("smoke-embedded-config", lr.get().getValue().location(), lr.get().getKey() + " is '"
                        + lr.get().getValue().text() + "', not a learning rate the embedded training can use"));
            }
        }
        long seed = embedded.seed();
        var seedValue = values.find("seed");
        if (seedValue.isPresent() && seedValue.get().getValue().text().matches("-?\\d{1,18}")) {
            seed = Long.parseLong(seedValue.get().getValue().text());
        }
        return new TrainingSettings(learningRate, seed, " and seed " + seed + " from " + path);
    }
}
