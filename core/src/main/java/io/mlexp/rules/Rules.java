package io.mlexp.rules;

import io.mlexp.check.Rule;
import io.mlexp.check.RuleCatalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/** Every registered rule, by ID, in the order of the catalogues and of each catalogue's list. Loaded on first use. */
public final class Rules {
    private Rules() {
    }

    private static final class Registered {
        static final Map<String, Rule> BY_ID = load();

        private static Map<String, Rule> load() {
            var byId = new LinkedHashMap<String, Rule>();
            for (var catalog : ServiceLoader.load(RuleCatalog.class, Rules.class.getClassLoader())) {
                for (var rule : catalog.rules()) {
                    if (byId.putIfAbsent(rule.id(), rule) != null) {
                        throw new IllegalStateException("two rules have the ID " + rule.id());
                    }
                }
            }
            return Collections.unmodifiableMap(byId);
        }
    }

    public static List<Rule> all() {
        return new ArrayList<>(Registered.BY_ID.values());
    }

    public static Optional<Rule> find(String id) {
        return Optional.ofNullable(Registered.BY_ID.get(id));
    }

    public static Set<String> ids() {
        return Registered.BY_ID.keySet();
    }
}
