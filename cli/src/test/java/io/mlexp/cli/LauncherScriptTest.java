package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ./mlexp launcher at the repository root, run as a user would, from another directory. */
class LauncherScriptTest {
    private static final Path LAUNCHER = Path.of("..", "mlexp").toAbsolutePath().normalize();

    @Test
    void shouldSayClearlyThatJavaIsMissing(@TempDir Path elsewhere) throws Exception {
        var bin = java.nio.file.Files.createDirectory(elsewhere.resolve("bin"));
        for (var tool : new String[] {"dirname", "sed", "head", "find", "tail", "touch"}) {
            java.nio.file.Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
        }
        var process = new ProcessBuilder("/bin/sh", LAUNCHER.toString(), "--version")
                .directory(elsewhere.toFile())
                .redirectErrorStream(true);
        process.environment().remove("JAVA_HOME");
        process.environment().put("PATH", bin.toString());
        var running = process.start();
        var output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(running.exitValue()).isEqualTo(3);
        assertThat(output).startsWith("mlexp: Java 17 or newer is needed and none was found.");
    }

    /**
     * A Git hook runs the CLI that is built, even when a source changed since: the rebuild is for the next command
     * typed, not minutes inside a commit. The same tree without the hook's variable rebuilds (and here, without Maven,
     * says so).
     */
    @Test
    void aHookRunsTheBuiltCliWithoutRebuildingFromChangedSources(@TempDir Path tree) throws Exception {
        var wrapper = sourceTreeWithBuiltCli(tree);
        setTime(tree.resolve(BUILT), 1_000_000);
        var source = java.nio.file.Files.createDirectories(tree.resolve("core/src/main")).resolve("Changed.java");
        java.nio.file.Files.writeString(source, "class Changed {}\n");

        var bin = toolsWithoutMaven(tree);

        assertThat(run(wrapper, bin, true)).isEqualTo("built CLI: check staged\n");
        assertThat(run(wrapper, bin, false)).contains("mlexp: the CLI is not built and Maven (mvn) is missing");
    }

    /**
     * A command typed runs the built CLI while its sources are as they were built, and rebuilds when one was edited
     * or added, whether find or the stamp of the sources (a stat a path, no process) decides; a folder Python leaves
     * in the examples is no change.
     */
    @Test
    void aCommandTypedRebuildsAfterAnEditOrANewFileAndOnlyThen(@TempDir Path tree) throws Exception {
        var wrapper = sourceTreeWithBuiltCli(tree);
        var launcher = tree.resolve(BUILT);
        var source = java.nio.file.Files.createDirectories(tree.resolve("core/src/main")).resolve("Train.java");
        java.nio.file.Files.writeString(source, "class Train {}\n");
        var examples = java.nio.file.Files.createDirectories(tree.resolve("examples"));
        setTime(source, 500_000);
        setTime(launcher, 1_000_000);
        var stamp = tree.resolve("cli/target/mlexp/sources.stamp");
        var bin = toolsWithoutMaven(tree);
        var built = "built CLI: check staged\n";

        assertThat(run(wrapper, bin, false)).as("find decides, and leaves a stamp").isEqualTo(built);
        assertThat(stamp).exists();
        var finds = tree.resolve("find-calls");
        java.nio.file.Files.delete(bin.resolve("find"));
        java.nio.file.Files.writeString(bin.resolve("find"), "#!/bin/sh\necho \"$*\" >> '" + finds + "'\nexec /usr/bin/find \"$@\"\n");
        bin.resolve("find").toFile().setExecutable(true);
        assertThat(run(wrapper, bin, false)).as("the stamp decides").isEqualTo(built);
        assertThat(finds).as("without find").doesNotExist();

        java.nio.file.Files.createDirectory(examples.resolve("__pycache__"));
        assertThat(run(wrapper, bin, false)).as("a cache folder").isEqualTo(built);

        java.nio.file.Files.writeString(source, "class Train { int epochs; }\n");
        assertThat(run(wrapper, bin, false)).as("an edit").contains("the CLI is not built and Maven (mvn) is missing");

        setTime(source, 500_000);
        assertThat(run(wrapper, bin, false)).isEqualTo(built);
        java.nio.file.Files.writeString(examples.resolve("eval.py"), "print('new')\n"); // not in the stamp: its folder tells
        assertThat(run(wrapper, bin, false)).as("a new file").contains("the CLI is not built and Maven (mvn) is missing");
    }

    private static final String BUILT = "cli/target/mlexp/bin/mlexp";

    /** A copy of ./mlexp at the top of a tree whose built CLI only says it ran; returns the copy. */
    private static Path sourceTreeWithBuiltCli(Path tree) throws Exception {
        var wrapper = tree.resolve("mlexp");
        java.nio.file.Files.copy(LAUNCHER, wrapper);
        var launcher = java.nio.file.Files.createDirectories(tree.resolve(BUILT).getParent()).resolve("mlexp");
        java.nio.file.Files.writeString(launcher, "#!/bin/sh\necho \"built CLI: $*\"\n");
        launcher.toFile().setExecutable(true);
        return wrapper;
    }

    private static void setTime(Path path, long millis) throws Exception {
        java.nio.file.Files.setLastModifiedTime(path, java.nio.file.attribute.FileTime.fromMillis(millis));
    }

    /** The tools the wrapper uses, and no Maven. */
    private static Path toolsWithoutMaven(Path tree) throws Exception {
        var bin = java.nio.file.Files.createDirectory(tree.resolve("tools"));
        for (var tool : new String[] {"dirname", "sed", "head", "find", "tail", "touch", "readlink", "mv", "rm"}) {
            java.nio.file.Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
        }
        return bin;
    }

    private static String run(Path wrapper, Path bin, boolean fromHook) throws Exception {
        var process = new ProcessBuilder("/bin/sh", wrapper.toString(), "check", "staged").redirectErrorStream(true);
        process.environment().put("PATH", bin.toString());
        process.environment().put("JAVA_HOME", System.getProperty("java.home"));
        if (fromHook) {
            process.environment().put("MLEXP_HOOK", "1");
        } else {
            process.environment().remove("MLEXP_HOOK");
        }
        var running = process.start();
        var output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
