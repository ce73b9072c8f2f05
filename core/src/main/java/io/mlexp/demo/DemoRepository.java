package io.mlexp.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Turns a copy of the example into a Git repository with a realistic history: conventional commits on {@code main}, an
 * experiment record, annotated tags whose messages make claims, an experiment kept in a notebook that changes the smoke
 * config, and a branch with a second experiment that a pull request would bring in.
 */
public final class DemoRepository {
    public static final String MAIN = "main";
    public static final String BRANCH = "exp/small-hidden";
    /** The tags, oldest first; the last one's message claims more than its full run measured, to show the check. */
    public static final List<String> TAGS = List.of("v1.0", "v1.1", "v1.2");
    static final String SMOKE_CONFIG = "configs/smoke.yaml";

    /** A commit: its message, the example's files it adds, and edits of files already committed. */
    private record Step(String message, List<String> paths, List<Edit> edits) {
    }

    /** A change to one line of a file, as a developer would make it. */
    private record Edit(String path, String before, String after) {
    }

    private static final List<Step> MAIN_HISTORY = List.of(
            new Step("chore: start the digits project", List.of(".gitignore", "README.md", ".mlexp.yml"), List.of()),
            new Step("feat(model): add the digits classifier and its training loop",
                    List.of("model.py", "data.py", "train.py", "configs/base.yaml", SMOKE_CONFIG), List.of()),
            new Step("[exp] EXP-001 baseline MLP on synthetic digits", List.of("experiments/EXP-001.md"), List.of()),
            new Step("feat(export): write the TorchScript model for the embedded engine",
                    List.of("export.py", "model.pt", "Dockerfile"), List.of()));
    private static final Step WARMER = new Step("exp(train): EXP-003 a warmer learning rate, recorded in a notebook",
            List.of("experiments/EXP-003.ipynb"), List.of(new Edit(SMOKE_CONFIG, "lr: 0.001", "lr: 0.003")));
    private static final Step BRANCH_STEP = new Step("exp(model): EXP-002 try a hidden layer of 64 units",
            List.of("configs/small.yaml", "experiments/EXP-002.md"), List.of(new Edit(SMOKE_CONFIG, "lr: 0.003", "lr: 0.01")));
    /** What each tag's message says: v1.0 and v1.1 tell the truth, v1.2 claims more accuracy than its full run reached. */
    static final List<String> TAG_MESSAGES = List.of(
            "digits 1.0: the baseline, eval_accuracy 91.3%, lr=0.001, batch 64",
            "digits 1.1: EXP-003 trains at lr=0.003 and reaches eval_accuracy 92.4%",
            "digits 1.2: results written back; eval_accuracy 95%");

    private static final Instant START = Instant.parse("2026-11-02T09:00:00Z");

    static {
        // JGit otherwise measures the file system's timestamp resolution first, for seconds
        org.eclipse.jgit.util.FS.FileStoreAttributes.setBackground(true);
    }

    private DemoRepository() {
    }

    /**
     * Creates the repository in {@code dir}, which holds the copied example: main's first commits, tag v1.0, the
     * notebook experiment, tag v1.1. Files the plan does not name join the first commit, so nothing is left out.
     */
    public static void create(Path dir) {
        MAIN_HISTORY.get(0).paths().forEach(file -> require(dir, file));
        try (var git = Git.init().setDirectory(dir.toFile()).setInitialBranch(MAIN).call()) {
            git.add().addFilepattern(".").call();
            var later = new ArrayList<String>(BRANCH_STEP.paths());
            later.addAll(WARMER.paths());
            MAIN_HISTORY.subList(1, MAIN_HISTORY.size()).forEach(step -> later.addAll(step.paths()));
            for (var path : later) {
                git.rm().setCached(true).addFilepattern(path).call();
            }
            commit(git, MAIN_HISTORY.get(0).message(), day(0));
            for (int i = 1; i < MAIN_HISTORY.size(); i++) {
                apply(git, dir, MAIN_HISTORY.get(i), day(i));
            }
            tag(git, 0, day(4));
            apply(git, dir, WARMER, day(5));
            tag(git, 1, day(6));
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot create the demo repository: " + e.getMessage(), e);
        }
    }

    /** Commits {@code paths} on main ({@code message}), and tags the commit with the last tag. */
    public static void commitAndTagLast(Path dir, List<String> paths, String message) {
        try (var git = Git.open(dir.toFile())) {
            for (var path : paths) {
                git.add().addFilepattern(path).call();
            }
            commit(git, message, day(7));
            tag(git, TAGS.size() - 1, day(8));
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("cannot commit in the demo repository: " + e.getMessage(), e);
        }
    }

    /** Branches off main and commits the second experiment there. */
    public static void branch(Path dir) {
        try (var git = Git.open(dir.toFile())) {
            git.checkout().setName(MAIN).call();
            git.checkout().setCreateBranch(true).setName(BRANCH).call();
            apply(git, dir, BRANCH_STEP, day(9));
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("cannot branch in the demo repository: " + e.getMessage(), e);
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

    /** The commit a tag points at. */
    public static String commitOf(Path dir, String tag) {
        try (var git = Git.open(dir.toFile())) {
            var ref = git.getRepository().getRefDatabase().peel(git.getRepository().exactRef("refs/tags/" + tag));
            return (ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId()).getName();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tag " + tag + ": " + e.getMessage(), e);
        }
    }

    private static Instant day(int n) {
        return START.plus(Duration.ofDays(n));
    }

    private static void tag(Git git, int index, Instant when) throws GitAPIException {
        git.tag().setName(TAGS.get(index)).setAnnotated(true).setMessage(TAG_MESSAGES.get(index)).setTagger(author(when)).call();
    }

    private static void apply(Git git, Path dir, Step step, Instant when) throws GitAPIException {
        for (var edit : step.edits()) {
            var file = dir.resolve(edit.path());
            try {
                var text = Files.readString(file, StandardCharsets.UTF_8);
                if (!text.contains(edit.before())) {
                    throw new IllegalStateException("the example's " + edit.path() + " has no line '" + edit.before() + "' to change");
                }
                Files.writeString(file, text.replace(edit.before(), edit.after()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot edit " + edit.path() + ": " + e.getMessage(), e);
            }
            git.add().addFilepattern(edit.path()).call();
        }
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
