package io.mlexp.util;

/**
 * Whether this JVM is the resident server, which answers command after command, rather than a JVM started for one
 * command. Some work is done differently there: what is costly to load once and cheap to keep (JGit's view of a
 * repository, its compiled walk) pays in the one and not in the other.
 */
public final class ResidentJvm {
    private static volatile boolean resident;

    private ResidentJvm() {
    }

    /** Said once, by the server, before it answers anything. */
    public static void declare() {
        resident = true;
    }

    public static boolean isThisOne() {
        return resident;
    }
}
