package io.jenkins.plugins.mlexperiment;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.mlexp.config.SmokeConfig;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code mlExperiment config: 'ml/.mlexp.yml', stages: ['commits', 'smoke'], gpus: 'device=0'}: mlexp's
 * checks on the build's workspace, in the context the build's environment names. Every rule is in
 * mlexp's core; this step only carries values between Jenkins and it.
 */
public class MlExperimentStep extends Step implements Serializable {
    private static final long serialVersionUID = 1L;

    private String config = "";
    private List<String> stages = new ArrayList<>();
    private String gpus = "";

    @DataBoundConstructor
    public MlExperimentStep() {
        // every parameter is optional
    }

    public String getConfig() {
        return config;
    }

    /** The config file relative to the workspace; empty for {@code .mlexp.yml} at its root. */
    @DataBoundSetter
    public void setConfig(String config) {
        this.config = Util.fixNull(Util.fixEmptyAndTrim(config));
    }

    public List<String> getStages() {
        return new ArrayList<>(stages);
    }

    /** Only these stages ({@code config, commits, configs, record, smoke, publish}); empty for all. */
    @DataBoundSetter
    public void setStages(List<String> stages) {
        this.stages = stages == null ? new ArrayList<>() : new ArrayList<>(stages);
    }

    public String getGpus() {
        return gpus;
    }

    /** Overrides {@code smoke.gpus}: {@code all}, {@code none}, a count, or {@code device=0,1}. */
    @DataBoundSetter
    public void setGpus(String gpus) {
        this.gpus = Util.fixNull(Util.fixEmptyAndTrim(gpus));
    }

    @Override
    public StepExecution start(StepContext context) {
        return new MlExperimentExecution(this, context);
    }

    @Extension
    @Symbol("mlExperiment")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "mlExperiment";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "ML experiment checks (mlexp)";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, Launcher.class, TaskListener.class, EnvVars.class);
        }

        /** The Snippet Generator's check of {@code gpus}, with the same pattern as {@code smoke.gpus}. */
        public FormValidation doCheckGpus(@QueryParameter String value) {
            var gpus = Util.fixEmptyAndTrim(value);
            return gpus == null || SmokeConfig.GPUS.matcher(gpus).matches() ? FormValidation.ok()
                    : FormValidation.error("Write all, none, a count such as 2, or device=0,1");
        }
    }
}
