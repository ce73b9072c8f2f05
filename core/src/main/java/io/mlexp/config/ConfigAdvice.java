package io.mlexp.config;

import io.mlexp.check.Finding;
import io.mlexp.check.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/** What {@code mlexp check config} warns of: settings that are valid alone but disagree with each other. */
public final class ConfigAdvice {
    private ConfigAdvice() {
    }

    /**
     * A training config that {@code configs.required} covers but no {@code record.trigger-paths} pattern does: a pull
     * request could change it with no experiment record.
     *
     * @param triggerPaths where {@code record.trigger-paths} is written, for the warning's location
     */
    public static List<Finding> warnings(MlexpConfig config, SourceLocation triggerPaths) {
        var findings = new ArrayList<Finding>();
        for (var required : config.configs().required()) {
            var sample = example(required.pattern());
            if (config.record().triggerPaths().stream().noneMatch(trigger -> trigger.matches(sample))) {
                findings.add(Finding.warning("config-trigger-paths", triggerPaths, "configs.required covers '" + required
                        + "', which no record.trigger-paths pattern covers: a change to such a config needs no record")
                        .withHint("add '" + required + "' to record.trigger-paths"));
            }
        }
        return findings;
    }

    /** A path a pattern matches: each wildcard stands for one name. */
    static String example(String pattern) {
        var path = pattern.startsWith("/") ? pattern.substring(1) : pattern;
        return path.replace("**", "x").replaceAll("\\{([^,}]*)[^}]*}", "$1").replace("*", "x").replace("?", "x")
                .replaceAll("\\[[^]]*]", "x");
    }
}
