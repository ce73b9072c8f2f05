package io.jenkins.plugins.mlexperiment;

import hudson.Extension;
import hudson.Util;
import hudson.util.FormValidation;
import io.mlexp.config.SmokeConfig;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * What the platform team sets for every job (Manage Jenkins → System, or Configuration as Code under
 * {@code unclassified: mlExperiment:}): the registries smoke images may come from, whether a digest is
 * required, and the GPU selection used when a step names none.
 */
@Extension
@Symbol("mlExperiment")
public class MlExperimentConfiguration extends GlobalConfiguration {
    private String allowedRegistries = "";
    private boolean requireDigest;
    private String defaultGpus = "";

    public MlExperimentConfiguration() {
        load();
    }

    public static MlExperimentConfiguration get() {
        return GlobalConfiguration.all().getInstance(MlExperimentConfiguration.class);
    }

    public String getAllowedRegistries() {
        return allowedRegistries;
    }

    /** One registry per line or comma separated ({@code ghcr.io, registry.example:5000}); empty allows all. */
    @DataBoundSetter
    public void setAllowedRegistries(String allowedRegistries) {
        this.allowedRegistries = Util.fixNull(allowedRegistries).strip();
        save();
    }

    public boolean isRequireDigest() {
        return requireDigest;
    }

    @DataBoundSetter
    public void setRequireDigest(boolean requireDigest) {
        this.requireDigest = requireDigest;
        save();
    }

    public String getDefaultGpus() {
        return defaultGpus;
    }

    @DataBoundSetter
    public void setDefaultGpus(String defaultGpus) {
        this.defaultGpus = Util.fixNull(Util.fixEmptyAndTrim(defaultGpus));
        save();
    }

    @POST
    public FormValidation doCheckDefaultGpus(@QueryParameter String value) {
        jenkins.model.Jenkins.get().checkPermission(jenkins.model.Jenkins.MANAGE);
        var gpus = Util.fixEmptyAndTrim(value);
        return gpus == null || SmokeConfig.GPUS.matcher(gpus).matches() ? FormValidation.ok()
                : FormValidation.error("Write all, none, a count such as 2, or device=0,1");
    }
}
