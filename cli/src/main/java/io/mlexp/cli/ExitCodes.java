package io.mlexp.cli;

/** The exit codes of DESIGN.md, the contract scripts and hooks rely on. */
final class ExitCodes {
    static final int OK = 0;
    static final int VIOLATIONS = 1;
    static final int BAD_INPUT = 2;
    static final int ENVIRONMENT = 3;

    private ExitCodes() {
    }
}
