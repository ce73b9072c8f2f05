package io.mlexp.git;

import io.mlexp.util.Environment;
import org.eclipse.jgit.util.SystemReader;
import org.jspecify.annotations.Nullable;

/** JGit reads {@code GIT_DIR}, {@code GIT_INDEX_FILE} and {@code HOME} through its SystemReader: here, from {@link Environment}. */
public final class JGitEnvironment {
    private JGitEnvironment() {
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
