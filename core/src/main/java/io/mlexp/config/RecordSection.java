package io.mlexp.config;

import java.util.List;
import java.util.Locale;

/** The sections an experiment record may have, with their English and Chinese headings. */
public enum RecordSection {
    GOAL("Goal", "目标"),
    HYPOTHESIS("Hypothesis", "假设"),
    METHOD("Method", "方法"),
    HYPERPARAMETERS("Hyperparameters", "超参数"),
    RESULTS("Results", "结果"),
    CONCLUSION("Conclusion", "结论");

    private final String english;
    private final String chinese;

    RecordSection(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    public String english() {
        return english;
    }

    public String chinese() {
        return chinese;
    }

    /** The key used in {@code record.required-sections}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> keys() {
        return java.util.Arrays.stream(values()).map(RecordSection::key).toList();
    }
}
