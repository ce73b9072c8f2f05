package io.jenkins.plugins.mlexperiment;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;
import io.mlexp.ci.RunOutcome;
import jenkins.model.Jenkins;

/**
 * The pull request's check, through checks-api when it is installed (GitHub, GitLab and others
 * implement it). Only {@link #publishIfInstalled} may be called without checks-api: the class that
 * names its types loads only when the plugin is there.
 */
final class ChecksPublication {
    static final String NAME = "ML Experiment";

    private ChecksPublication() {
    }

    static void publishIfInstalled(Run<?, ?> run, TaskListener listener, RunOutcome outcome) {
        var jenkins = Jenkins.get();
        if (jenkins.getPlugin("checks-api") == null) {
            return;
        }
        Publisher.publish(run, listener, outcome);
    }

    /** Holds the checks-api types. */
    private static final class Publisher {
        static void publish(Run<?, ?> run, TaskListener listener, RunOutcome outcome) {
            var conclusion = switch (outcome.verdict()) {
                case PASSED -> ChecksConclusion.SUCCESS;
                case FAILED -> ChecksConclusion.FAILURE;
                case INCOMPLETE, ERROR -> ChecksConclusion.NEUTRAL;
            };
            // core keeps the summary within GitHub's 65,535 characters
            var summary = outcome.report().map(RunOutcome.Report::markdown).orElse("");
            var output = new ChecksOutput.ChecksOutputBuilder().withTitle("mlexp: " + outcome.verdict().label())
                    .withSummary(summary).build();
            var builder = new ChecksDetails.ChecksDetailsBuilder().withName(NAME).withStatus(ChecksStatus.COMPLETED)
                    .withConclusion(conclusion).withOutput(output);
            var root = Jenkins.get().getRootUrl();
            if (root != null) {
                builder.withDetailsURL(root + run.getUrl() + MlExperimentAction.URL_NAME + "/");
            }
            ChecksPublisherFactory.fromRun(run, listener).publish(builder.build());
        }
    }
}
