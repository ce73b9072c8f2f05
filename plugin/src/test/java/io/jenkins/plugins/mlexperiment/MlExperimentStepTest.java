package io.jenkins.plugins.mlexperiment;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The step in a real Jenkins: a pipeline over a Git repository made with JGit, contexts set through
 * environment variables, the build page's action across a reload, the job's trend index.
 * (Our CI cannot reach repo.jenkins-ci.org: these run with -Pjenkins only.)
 */
public class MlExperimentStepTest {
    @Rule
    public JenkinsRule jenkins = new JenkinsRule();
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private static final String CONFIG = """
            version: 1
            on-violation: %s
            smoke:
              engine: local
              command: "printf '{\\"step\\": 1, \\"loss\\": 2.0}\\\\n{\\"step\\": 2, \\"loss\\": %s}\\\\n' > $MLEXP_METRICS"
              expect:
                loss-decrease: 0.1
            publish:
              gates:
                loss: { max-drop: 0.5 }
            """;

    private File repository(String onViolation, String finalLoss, String... messages) throws Exception {
        return repositoryWith(CONFIG.formatted(onViolation, finalLoss), messages);
    }

    private File repositoryWith(String config, String... messages) throws Exception {
        var dir = folder.newFolder();
        try (var git = Git.init().setDirectory(dir).setInitialBranch("main").call()) {
            Files.writeString(dir.toPath().resolve(".mlexp.yml"), config, StandardCharsets.UTF_8);
            git.add().addFilepattern(".").call();
            for (var message : messages) {
                git.commit().setMessage(message).setAuthor("Ada", "ada@example.org").setCommitter("Ada", "ada@example.org")
                        .setAllowEmpty(true).setSign(false).call();
            }
        }
        return dir;
    }

    private WorkflowRun build(File repository, String environment, String call, Result expected) throws Exception {
        var job = jenkins.createProject(WorkflowJob.class, "p" + System.nanoTime());
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  dir('ws') {
                    sh 'cp -a "%s"/. .'
                    withEnv(%s) {
                      def r = %s
                      echo "verdict ${r.verdict} loss ${r.metrics.loss}"
                    }
                  }
                }
                """.formatted(repository.getAbsolutePath(), environment, call), true));
        return jenkins.assertBuildStatus(expected, job.scheduleBuild2(0));
    }

    @Test
    public void aTagBuildPublishesTheReportKeepsItAcrossAReloadAndFeedsTheTrend() throws Exception {
        var repository = repository("fail", "0.5", "feat: first model");

        var run = build(repository, "['TAG_NAME=v1.0']", "mlExperiment(stages: ['config', 'smoke', 'publish'])", Result.SUCCESS);

        jenkins.assertLogContains("verdict passed loss 0.5", run);
        jenkins.assertLogContains("[mlExperiment] smoke: passed", run);
        var action = run.getAction(MlExperimentAction.class);
        assertThat(action.getVerdict()).isEqualTo("passed");
        assertThat(action.getReportHtml()).contains("id=\"metrics\"").doesNotContain("<script");
        assertThat(JobIndex.of(run.getParent()).entries()).hasSize(1);

        jenkins.jenkins.reload();
        var reloaded = jenkins.jenkins.getItemByFullName(run.getParent().getFullName(), WorkflowJob.class)
                .getBuildByNumber(run.getNumber());
        assertThat(reloaded.getAction(MlExperimentAction.class).getMetrics()).containsEntry("loss", 0.5);

        var page = jenkins.createWebClient().getPage(reloaded, MlExperimentAction.URL_NAME);
        assertThat(page.asNormalizedText()).contains("ML Experiment: passed", "smoke");
    }

    @Test
    public void aGateFailureAgainstThePreviousTagFailsTheBuildOrMarksItUnstable() throws Exception {
        var first = build(repository("unstable", "0.5", "feat: first"), "['TAG_NAME=v1.0']",
                "mlExperiment(stages: ['smoke', 'publish'])", Result.SUCCESS);
        var job = first.getParent();
        job.setDefinition(new CpsFlowDefinition("""
                node { dir('ws') { sh 'cp -a "%s"/. .'; withEnv(['TAG_NAME=v1.1']) { mlExperiment(stages: ['smoke', 'publish']) } } }
                """.formatted(repository("unstable", "1.9", "feat: worse").getAbsolutePath()), true));

        var second = jenkins.assertBuildStatus(Result.UNSTABLE, job.scheduleBuild2(0));

        jenkins.assertLogContains("loss", second);
        assertThat(JobIndex.of(job).entries()).hasSize(2);
        var trends = new MlExperimentJobAction(job).getTrends();
        assertThat(trends).extracting(MetricTrend::getMetric).contains("loss");
        assertThat(trends.get(0).getBuildTrendModel()).contains("\"domainAxisLabels\":[\"v1.0\",\"v1.1\"]");
    }

    @Test
    public void aBadCommitMessageOnABranchPushFailsTheBuildWithTheFinding() throws Exception {
        var repository = repository("fail", "0.5", "feat: first", "WIP stuff");

        var run = build(repository, "['GIT_COMMIT=HEAD', 'GIT_PREVIOUS_SUCCESSFUL_COMMIT=HEAD~1']",
                "mlExperiment(stages: ['commits'])", Result.FAILURE);

        jenkins.assertLogContains("commit-wip", run);
        assertThat(run.getAction(MlExperimentAction.class).getVerdict()).isEqualTo("failed");
    }

    @Test
    public void anEngineTheAgentCannotRunFailsTheBuildAsAnEnvironmentProblemNotAsViolations() throws Exception {
        var repository = repositoryWith("version: 1\nsmoke:\n  engine: embedded\n", "feat: first");

        var run = build(repository, "['TAG_NAME=v1.0']", "mlExperiment(stages: ['smoke', 'publish'])", Result.FAILURE);

        jenkins.assertLogContains("incomplete, an environment problem and not a violation", run);
        jenkins.assertLogContains("the embedded engine is not installed", run);
        jenkins.assertLogNotContains("violations found", run);
        assertThat(run.getAction(MlExperimentAction.class).getVerdict()).isEqualTo("incomplete");
        assertThat(run.getAction(MlExperimentAction.class).getStages()).containsEntry("publish", "not available");
    }

    @Test
    public void badInputStopsTheStepWithTheMessageAndNoStackTrace() throws Exception {
        var repository = repository("fail", "0.5", "feat: first");

        var run = build(repository, "[]", "mlExperiment(config: '../../etc/passwd')", Result.FAILURE);

        jenkins.assertLogContains("inside the workspace", run);
        jenkins.assertLogNotContains("at io.mlexp", run);
    }

    @Test
    public void theGlobalConfigurationSurvivesTheFormAndRefusesAnImageFromElsewhere() throws Exception {
        var configuration = MlExperimentConfiguration.get();
        configuration.setAllowedRegistries("ghcr.io");
        configuration.setRequireDigest(true);
        configuration.setDefaultGpus("device=0");

        jenkins.configRoundtrip();

        assertThat(MlExperimentConfiguration.get().getAllowedRegistries()).isEqualTo("ghcr.io");
        assertThat(MlExperimentConfiguration.get().isRequireDigest()).isTrue();
        assertThat(MlExperimentConfiguration.get().getDefaultGpus()).isEqualTo("device=0");
        assertThat(Map.of("gpus", new MlExperimentStep.DescriptorImpl().doCheckGpus("all --privileged").kind.name()))
                .containsEntry("gpus", "ERROR");
    }
}
