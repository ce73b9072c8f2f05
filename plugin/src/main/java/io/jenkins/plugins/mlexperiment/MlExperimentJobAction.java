package io.jenkins.plugins.mlexperiment;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import io.mlexp.history.Entries;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * The job's trend charts, one per metric across its tags. Everything comes from the job index that tag
 * builds append to ({@link JobIndex}); opening the job never loads its builds.
 */
public class MlExperimentJobAction implements Action {
    private final Job<?, ?> job;

    MlExperimentJobAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    @Override
    public String getIconFileName() {
        return null; // shown as trend charts on the job page, no page of its own
    }

    @Override
    public String getDisplayName() {
        return "ML Experiment trend";
    }

    @Override
    public String getUrlName() {
        return "mlExperimentTrend";
    }

    /** One trend per metric, in the order metrics first appear; the last entry of each tag counts. */
    public List<MetricTrend> getTrends() {
        var trend = Entries.trend(JobIndex.of(job).entries());
        var metrics = new LinkedHashSet<String>();
        trend.forEach(entry -> metrics.addAll(entry.metrics().keySet()));
        return metrics.stream().map(metric -> new MetricTrend(metric, trend)).toList();
    }

    @Extension
    public static class Factory extends TransientActionFactory<Job> {
        @Override
        public Class<Job> type() {
            return Job.class;
        }

        @Override
        public Collection<? extends Action> createFor(Job target) {
            return JobIndex.of(target).exists() ? List.of(new MlExperimentJobAction(target)) : List.of();
        }
    }
}
