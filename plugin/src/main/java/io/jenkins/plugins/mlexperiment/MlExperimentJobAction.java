package io.jenkins.plugins.mlexperiment;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Job;
import io.mlexp.experiments.ExperimentTableFormats;
import io.mlexp.history.Entries;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import jenkins.branch.MultiBranchProject;
import jenkins.model.TransientActionFactory;
import org.jspecify.annotations.Nullable;

/**
 * The trend charts of a project, one per metric across its tags, and its experiment table: on a job's page (floating
 * box) and on a multibranch project's page (summary), where tag jobs show the project's trend too. Everything comes
 * from the index that builds write to ({@link JobIndex}); opening the page never loads a build.
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
    public @Nullable String getIconFileName() {
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

    /** The experiment table the newest publishing build left, sanitised when it was kept; empty before the first. */
    public String getExperimentsHtml() throws java.io.IOException {
        return JobIndex.of(owner).experiments();
    }

    /** The script that sorts the experiment table by the heading clicked. */
    public void doSortScript(org.kohsuke.stapler.StaplerRequest2 request, org.kohsuke.stapler.StaplerResponse2 response)
            throws java.io.IOException {
        response.setContentType("text/javascript;charset=UTF-8");
        response.setHeader("Cache-Control", "max-age=3600");
        response.getOutputStream().write(ExperimentTableFormats.SORT_SCRIPT.getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
