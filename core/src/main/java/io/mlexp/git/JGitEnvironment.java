package io.mlexp.git;

import io.mlexp.util.Environment;
import java.util.List;
import org.eclipse.jgit.util.SystemReader;
import org.jspecify.annotations.Nullable;

/** JGit reads {@code GIT_DIR}, {@code GIT_INDEX_FILE} and {@code HOME} through its SystemReader: here, from {@link Environment}. */
public final class JGitEnvironment {
    /** Git's variables that put the repository, its objects or its work tree elsewhere than the folder says. */
    private static final List<String> RELOCATING = List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR",
            "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE");

    private JGitEnvironment() {
    }

    /** Whether one of git's relocating variables is set for the command being run: JGit, found by folder, would not follow. */
    public static boolean relocated() {
        return RELOCATING.stream().anyMatch(name -> Environment.get(name) != null);
    }

    /** From now on JGit sees the environment of the command being run, not the JVM's (the resident server's). */
    public static synchronized void follow() {
        var reader = SystemReader.getInstance();
        if (!(reader instanceof Following)) {
            SystemReader.setInstance(new Following(reader));
        }
    }

    private static final class Following extends SystemReader.Delegate {
        Following(SystemReader delegate) {
            super(delegate);
        }

        @Override
        public @Nullable String getenv(String variable) {
            return Environment.get(variable);
        }
    }
}
