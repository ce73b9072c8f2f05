package io.mlexp.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints the version from the jar manifest, and the Java that runs it. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        var version = MlexpCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "mlexp " + (version == null ? "(development build)" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
