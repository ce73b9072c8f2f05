package io.mlexp.check;

import io.mlexp.rules.Rules;
import java.util.List;

/**
 * The rules of one feature, registered as a service ({@code META-INF/services/io.mlexp.check.RuleCatalog}), as
 * analysis-model registers a descriptor for each parser: {@link Rules} finds them all without {@code check}
 * depending on the features.
 */
public interface RuleCatalog {
    List<Rule> rules();
}
