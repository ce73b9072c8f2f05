package io.mlexp.files;

import io.mlexp.check.EnvironmentException;
import io.mlexp.check.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The pre-commit check: every staged file against the rules of {@code .mlexp.yml}. One thread reads
 * what is staged from git while this one reads the rules; then this thread and its helpers check the
 * files in chunks as they arrive, so that git, the reading and the checks overlap.
 */
public final class StagedCheck {
    private static final int CHUNK = 16;
    /** Chunks read ahead of the checks: with blobs of at most 1 MiB, at most 64 MiB are held. */
    private static final int READ_AHEAD = 4;
    private static final int MAX_CHECKERS = 4;
    private static final Chunk END = new Chunk(List.of(), true);

    private final Supplier<FileRules> rules;

    /** @param rules called once, while git reads what is staged */
    public StagedCheck(Supplier<FileRules> rules) {
        this.rules = rules;
    }

    /** The findings of every staged file, in Git's order of the files. */
    public List<Finding> check(Path repositoryRoot) {
        var arrived = new ArrayBlockingQueue<Chunk>(READ_AHEAD);
        var failure = new AtomicReference<RuntimeException>();
        var staged = StagedFiles.open(repositoryRoot); // open until the checks are done: large blobs are read on demand
        var reading = new Reading(staged, arrived, failure);
        var reader = daemon(reading, "mlexp-staged-files");
        var helpers = new ArrayList<Thread>();
        try (staged) {
            var checking = new Checking(rules.get(), arrived, failure);
            int checkers = Math.min(MAX_CHECKERS, Runtime.getRuntime().availableProcessors());
            for (int i = 1; i < checkers; i++) {
                helpers.add(daemon(checking, "mlexp-staged-check-" + i));
            }
            checking.run();
            for (var helper : helpers) {
                helper.join();
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            var findings = new ArrayList<Finding>();
            new TreeMap<>(checking.found).values().forEach(findings::addAll);
            return findings;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while checking the staged files", e);
        } finally {
            reader.interrupt();
            helpers.forEach(Thread::interrupt);
        }
    }

    private static Thread daemon(Runnable work, String name) {
        var thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** A file and its position in Git's order of the staged files, which is the order of the findings. */
    private record Placed(int position, RepoFile file) {
    }

    /** Files to check, or the marker that ends the work. */
    private record Chunk(List<Placed> files, boolean end) {
    }

    /** Checks chunks until {@link #END}, which it passes on to the next checker. */
    private static final class Checking implements Runnable {
        private final FileRules rules;
        private final BlockingQueue<Chunk> arrived;
        private final AtomicReference<RuntimeException> failure;
        private final Map<Integer, List<Finding>> found = new ConcurrentHashMap<>(); // by position; none for a clean file

        Checking(FileRules rules, BlockingQueue<Chunk> arrived, AtomicReference<RuntimeException> failure) {
            this.rules = rules;
            this.arrived = arrived;
            this.failure = failure;
        }

        @Override
        public void run() {
            try {
                for (var chunk = arrived.take(); !chunk.end(); chunk = arrived.take()) {
                    for (var placed : chunk.files()) {
                        var findings = rules.check(placed.file());
                        if (!findings.isEmpty()) {
                            found.put(placed.position(), findings);
                        }
                    }
                }
                arrived.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new EnvironmentException("interrupted while checking the staged files"));
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
                arrived.clear(); // frees a reader waiting to put, and makes room for the end
                while (!arrived.offer(END)) {
                    arrived.clear(); // the reader put another chunk in between; the end must get in for the other checker
                }
            }
        }
    }

    /** Reads what is staged into chunks, then {@link #END}. */
    private static final class Reading implements Runnable {
        private final StagedFiles staged;
        private final BlockingQueue<Chunk> arrived;
        private final AtomicReference<RuntimeException> failure;
        private List<Placed> chunk = new ArrayList<>(CHUNK);

        Reading(StagedFiles staged, BlockingQueue<Chunk> arrived, AtomicReference<RuntimeException> failure) {
            this.staged = staged;
            this.arrived = arrived;
            this.failure = failure;
        }

        @Override
        public void run() {
            try {
                staged.read(this::add);
                synchronized (this) {
                    if (!chunk.isEmpty()) {
                        send();
                    }
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                try {
                    arrived.put(END);
                } catch (InterruptedException e) {
                    // the checks have stopped waiting
                }
            }
        }

        private synchronized void add(RepoFile file, int position) { // from each thread that reads the working tree
            chunk.add(new Placed(position, file));
            if (chunk.size() == CHUNK) {
                send();
            }
        }

        private void send() {
            try {
                arrived.put(new Chunk(chunk, false));
                chunk = new ArrayList<>(CHUNK);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EnvironmentException("interrupted while reading the staged files", e);
            }
        }
    }
}
