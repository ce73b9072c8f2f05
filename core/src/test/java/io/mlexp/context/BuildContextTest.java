package io.mlexp.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildContextTest {
    @Test
    void shouldReadATagBuildFromJenkinsVariables() {
        var context = BuildContext.fromEnvironment(Map.of("TAG_NAME", "v1.2", "GIT_COMMIT", "abc123"));

        assertThat(context).isEqualTo(BuildContext.tag("v1.2", "abc123"));
        assertThat(context.describe()).isEqualTo("tag v1.2");
    }

    @Test
    void shouldReadAPullRequestAgainstItsTarget() {
        var context = BuildContext.fromEnvironment(Map.of("CHANGE_ID", "42", "CHANGE_TARGET", "develop", "GIT_COMMIT", "abc"));

        assertThat(context.kind()).isEqualTo(BuildContext.Kind.PULL_REQUEST);
        assertThat(context.base()).hasValue("origin/develop");
    }

    @Test
    void shouldReadABranchPushFromThePreviousGoodCommit() {
        var context = BuildContext.fromEnvironment(Map.of("GIT_PREVIOUS_SUCCESSFUL_COMMIT", "111", "GIT_COMMIT", "222"));

        assertThat(context).isEqualTo(BuildContext.branch(Optional.of("111"), "222"));
        assertThat(context.describe()).isEqualTo("branch push 111..222");
        assertThat(BuildContext.fromEnvironment(Map.of("TAG_NAME", " ")).kind()).isEqualTo(BuildContext.Kind.BRANCH);
    }
}
