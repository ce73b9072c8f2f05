package io.mlexp.hooks;

import io.mlexp.check.EnvironmentException;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.git.Revisions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs mlexp's Git hooks into a repository: into {@code core.hooksPath} when set, else the
 * repository's {@code hooks} directory (shared by all worktrees). An existing hook of the same name is
 * kept and chained: moved to {@code NAME.mlexp-chained}, which mlexp's hook runs first. Installing
 * twice changes nothing; uninstalling puts the chained hook back.
 */
public final class HookInstaller {
    public static final List<String> HOOKS = List.of("commit-msg", "pre-commit", "pre-push");
    static final String MARKER = "# mlexp-hook:";
    static final String CHAINED_SUFFIX = ".mlexp-chained";
    private static final String CLI_DEFAULT = "${MLEXP_CLI:-mlexp}";

    private final String launcher;

    /** @param launcher the command the hooks run (an absolute path to the mlexp launcher, or "mlexp") */
    public HookInstaller(String launcher) {
        if (launcher.contains("\"") || launcher.contains("`") || launcher.contains("$") || launcher.contains("\n")) {
            throw InvalidInputException.of("hooks-launcher", SourceLocation.of(launcher),
                    "the launcher path may not contain quotes, '$', backticks or newlines");
        }
        this.launcher = launcher;
    }

    /** Where Git looks for this repository's hooks. */
    public static Path hooksDirectory(Path repositoryDir) {
        try (var repository = Revisions.open(repositoryDir)) {
            var configured = repository.getConfig().getString("core", null, "hooksPath");
            if (configured != null && !configured.isBlank()) {
                var path = Path.of(configured.replaceFirst("^~", System.getProperty("user.home")));
                var base = repository.isBare() ? repository.getDirectory().toPath() : repository.getWorkTree().toPath();
                return base.resolve(path).normalize();
            }
            return repository.getCommonDirectory().toPath().resolve("hooks");
        }
    }

    /** The git config key that holds the install point: the pre-push hook judges only commits made after it. */
    public static final String BASELINE_KEY = "mlexp.since";

    /**
     * Records the install point, HEAD, as the baseline of the pre-push hook, unless one is recorded already or the
     * repository has no commit yet: a repository that adopts mlexp is judged on its new work, not its inherited history.
     * Returns the line to tell the user, or empty.
     */
    public static java.util.Optional<String> recordBaseline(Path repositoryDir) {
        try (var repository = Revisions.open(repositoryDir)) {
            var config = repository.getConfig();
            var head = repository.resolve(org.eclipse.jgit.lib.Constants.HEAD);
            if (head == null || config.getString("mlexp", null, "since") != null) {
                return java.util.Optional.empty();
            }
            config.setString("mlexp", null, "since", head.getName());
            config.save();
            return java.util.Optional.of("pre-push judges commits after " + head.getName().substring(0, 12)
                    + " (git config " + BASELINE_KEY + "; unset it to judge all history)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the baseline: " + e.getMessage(), e);
        }
    }

    /** Installs every hook; returns one line per hook saying what was done. */
    public List<String> install(Path repositoryDir) {
        var directory = hooksDirectory(repositoryDir);
        var report = new ArrayList<String>();
        try {
            Files.createDirectories(directory);
            for (var name : HOOKS) {
                report.add(install(directory, name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the hooks in " + directory + ": " + e.getMessage(), e);
        }
        return report;
    }

    private String install(Path directory, String name) throws IOException {
        var hook = directory.resolve(name);
        var chained = directory.resolve(name + CHAINED_SUFFIX);
        var script = script(name).replace(CLI_DEFAULT, "${MLEXP_CLI:-" + launcher + "}");
        String what;
        if (isOurs(hook)) {
            if (Files.readString(hook).equals(script)) {
                return name + ": already installed in " + directory;
            }
            what = name + ": updated in " + directory;
        } else if (Files.exists(hook)) {
            if (Files.exists(chained)) {
                throw new EnvironmentException(hook + " is not mlexp's, and " + chained
                        + " exists too; move one of them away, then install again");
            }
            Files.move(hook, chained);
            what = name + ": installed in " + directory + ", chaining your existing hook (now " + chained.getFileName() + ")";
        } else {
            what = name + ": installed in " + directory;
        }
        var temporary = Files.createTempFile(directory, "." + name, ".tmp");
        Files.writeString(temporary, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(temporary, hook, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return what;
    }

    /** Removes mlexp's hooks and restores chained ones; leaves hooks that are not mlexp's alone. */
    public static List<String> uninstall(Path repositoryDir) {
        var directory = hooksDirectory(repositoryDir);
        var report = new ArrayList<String>();
        try {
            for (var name : HOOKS) {
                var hook = directory.resolve(name);
                var chained = directory.resolve(name + CHAINED_SUFFIX);
                if (!isOurs(hook)) {
                    report.add(name + ": " + (Files.exists(hook) ? "left alone, it is not mlexp's" : "not installed"));
                } else if (Files.exists(chained)) {
                    Files.move(chained, hook, StandardCopyOption.REPLACE_EXISTING);
                    report.add(name + ": removed, your previous hook is back");
                } else {
                    Files.delete(hook);
                    report.add(name + ": removed");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot change the hooks in " + directory + ": " + e.getMessage(), e);
        }
        return report;
    }

    private static boolean isOurs(Path hook) throws IOException {
        if (!Files.isRegularFile(hook)) {
            return false;
        }
        try (var lines = Files.lines(hook, StandardCharsets.UTF_8)) {
            return lines.limit(3).anyMatch(line -> line.startsWith(MARKER));
        } catch (UncheckedIOException e) {
            return false; // not text: certainly not ours
        }
    }

    static String script(String name) {
        try (var in = HookInstaller.class.getResourceAsStream("scripts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the " + name + " hook script");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
