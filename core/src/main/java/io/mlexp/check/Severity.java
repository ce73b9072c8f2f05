package io.mlexp.check;

/** How much a finding matters: errors fail a check, warnings are reported and pass. */
public enum Severity {
    ERROR,
    WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
