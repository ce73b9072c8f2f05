package io.mlexp.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Turns a copy of the example into a Git repository with a short, realistic history: conventional
 * commits on {@code main}, an experiment record, a tag {@code v1.0}, and a branch with a second
 * experiment that a pull request would bring in.
 */
public final class DemoRepository {
    public static final String MAIN = "main";
    public static final String TAG = "v1.0";
    public static final String BRANCH = "exp/small-hidden";

    private record Step(String message, List<String> paths) {
    }

    private static final List<Step> MAIN_HISTORY = List.of(
            new Step("chore: start the digits project", List.of(".gitignore", "README.md", ".mlexp.yml")),
            new Step("feat(model): add the digits classifier and its training loop",
                    List.of("model.py", "data.py", "train.py", "configs/base.yaml", "configs/smoke.yaml")),
            new Step("[exp] EXP-001 baseline MLP on synthetic digits", List.of("experiments/EXP-001.md")),
            new Step("feat(export): write the TorchScript model for the embedded engine",
                    List.of("export.py", "model.pt", "Dockerfile")));
    private static final Step BRANCH_STEP = new Step("exp(model): EXP-002 try a hidden layer of 64 units",
            List.of("configs/small.yaml", "experiments/EXP-002.md"));

    static {
        // JGit otherwise measures the file system's timestamp resolution first, for seconds
        org.eclipse.jgit.util.FS.FileStoreAttributes.setBackground(true);
    }

    private DemoRepository() {
    }

    /**
     * Creates the repository in {@code dir}, which holds the copied example. Files the plan does not
     * name join the first commit, so nothing of the example is left out.
     */
    public static void create(Path dir) {
        MAIN_HISTORY.get(0).paths().forEach(file -> require(dir, file));
        try (var git = Git.init().setDirectory(dir.toFile()).setInitialBranch(MAIN).call()) {
            var clock = Instant.parse("2026-11-02T09:00:00Z");
            git.add().addFilepattern(".").call();
            var later = new java.util.ArrayList<String>(BRANCH_STEP.paths());
            MAIN_HISTORY.subList(1, MAIN_HISTORY.size()).forEach(step -> later.addAll(step.paths()));
            for (var path : later) {
                git.rm().setCached(true).addFilepattern(path).call();
            }
            commit(git, MAIN_HISTORY.get(0).message(), clock);
            for (int i = 1; i < MAIN_HISTORY.size(); i++) {
                addAndCommit(git, MAIN_HISTORY.get(i), clock.plus(Duration.ofDays(i)));
            }
            git.tag().setName(TAG).setAnnotated(true).setMessage("digits 1.0")
                    .setTagger(author(clock.plus(Duration.ofDays(MAIN_HISTORY.size())))).call();
            git.checkout().setCreateBranch(true).setName(BRANCH).call();
            addAndCommit(git, BRANCH_STEP, clock.plus(Duration.ofDays(MAIN_HISTORY.size() + 1L)));
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot create the demo repository: " + e.getMessage(), e);
        }
    }

    /** Checks out a branch or tag of the demo repository (a tag leaves HEAD detached). */
    public static void checkout(Path dir, String ref) {
        try (var git = Git.open(dir.toFile())) {
            git.checkout().setName(ref).call();
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("cannot check out " + ref + ": " + e.getMessage(), e);
        }
    }

    private static void addAndCommit(Git git, Step step, Instant when) throws GitAPIException {
        for (var path : step.paths()) {
            git.add().addFilepattern(path).call();
        }
        commit(git, step.message(), when);
    }

    private static void commit(Git git, String message, Instant when) throws GitAPIException {
        git.commit().setMessage(message).setAuthor(author(when)).setCommitter(author(when)).setSign(false).call();
    }

    private static PersonIdent author(Instant when) {
        return new PersonIdent(new PersonIdent("Ada Lovelace", "ada@example.org"), when, java.time.ZoneOffset.UTC);
    }

    private static void require(Path dir, String file) {
        if (!Files.exists(dir.resolve(file))) {
            throw new IllegalStateException("the example lacks " + file);
        }
    }
}
