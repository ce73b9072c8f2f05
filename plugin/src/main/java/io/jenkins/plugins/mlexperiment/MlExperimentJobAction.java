package io.jenkins.plugins.mlexperiment;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Job;
import io.mlexp.history.Entries;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import jenkins.branch.MultiBranchProject;
import jenkins.model.TransientActionFactory;

/**
 * The trend charts of a project, one per metric across its tags: on a job's page (floating box) and on a
 * multibranch project's page (summary), where tag jobs show the project's trend too. Everything comes from the
 * index that tag builds append to ({@link JobIndex}); opening the page never loads a build.
 */
public class MlExperimentJobAction implements Action {
    private final Item owner;

    MlExperimentJobAction(Item owner) {
        this.owner = owner;
    }

    public Item getOwner() {
        return owner;
    }

    @Override
    public String getIconFileName() {
        return null; // shown as trend charts on the page, no page of its own
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
        var trend = Entries.trend(JobIndex.of(owner).entries());
        var metrics = new LinkedHashSet<String>();
        trend.forEach(entry -> metrics.addAll(entry.metrics().keySet()));
        var trends = new ArrayList<MetricTrend>();
        for (var metric : metrics) {
            trends.add(new MetricTrend(metric, trends.size(), trend));
        }
        return trends;
    }

    private static Collection<? extends Action> forIndexOf(Item owner) {
        return JobIndex.of(owner).exists() ? List.of(new MlExperimentJobAction(owner)) : List.of();
    }

    /** On every job: its own index, or its multibranch project's. */
    @Extension
    public static class JobFactory extends TransientActionFactory<Job> {
        @Override
        public Class<Job> type() {
            return Job.class;
        }

        @Override
        public Collection<? extends Action> createFor(Job target) {
            return forIndexOf(JobIndex.owner((Job<?, ?>) target));
        }
    }

    /** On a multibranch project's own page. */
    @Extension
    public static class ProjectFactory extends TransientActionFactory<MultiBranchProject> {
        @Override
        public Class<MultiBranchProject> type() {
            return MultiBranchProject.class;
        }

        @Override
        public Collection<? extends Action> createFor(MultiBranchProject target) {
            return forIndexOf(target);
        }
    }
}
