package io.mlexp.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.config.RecordSection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SectionNamesTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Goal; GOAL", "goals:; GOAL", "  GOAL  ; GOAL", "目标; GOAL", "目标：; GOAL", "ID: Goal; GOAL",
        "Hypothesis; HYPOTHESIS", "假设; HYPOTHESIS",
        "Method; METHOD", "方法; METHOD",
        "Hyper-parameters; HYPERPARAMETERS", "Hyper Parameters; HYPERPARAMETERS", "超参数 (Hyperparameters); HYPERPARAMETERS",
        "Result; RESULTS", "结果 / Results; RESULTS", "结论; CONCLUSION", "Conclusion:; CONCLUSION"})
    void shouldRecogniseHeadingsAsPeopleWriteThem(String heading, RecordSection section) {
        assertThat(SectionNames.match(heading)).contains(section);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"Notes", "Goalkeeper", "Background", "目标值"})
    void shouldLeaveOtherHeadingsAlone(String heading) {
        assertThat(SectionNames.match(heading)).isEmpty();
    }
}
