package io.mlexp.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.mlexp.check.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** git reads a range as JGit does: the same commits, parents and messages, in the same order. */
class RangeCommitsTest {
    @TempDir
    Path dir;

    private GitCli git;

    private static final class Sink extends ArrayList<RangeCommit> implements java.util.function.Consumer<RangeCommit> {
        @Override
        public void accept(RangeCommit commit) {
            add(commit);
        }
    }

    @BeforeEach
    void createHistory() throws Exception {
        git = GitCli.init(dir);
        commit(1, "chore: start\n");
        git.run("tag", "base");
        git.run("checkout", "-q", "-b", "topic");
        commit(2, "feat: add b\n\nWith a body.\n");
        commit(3, "feature: add c\r\n\r\nCRLF kept verbatim\r\n", "--cleanup=verbatim");
        git.run("checkout", "-q", "main");
        commit(4, "fix: repair d\n\n#42 is a line Git keeps here\n", "--cleanup=verbatim");
        git.run("merge", "-q", "--no-ff", "-m", "Merge branch 'topic'", "topic");
        commit(5, "fix: caf\u00e9 in Latin-1\n", "--encoding-latin1");
        commit(6, "fix: not UTF-8 \u00ff\n", "--raw-latin1");
        commit(7, "", "--allow-empty-message");
        commit(8, "docs: \u00fcber alles, \u2603 and \uD83D\uDE80\n");
    }

    @Test
    void shouldReadWhatJGitReads() {
        for (var range : List.of(CommitRange.parse("base..main", List.of()), CommitRange.parse("main", List.of("topic")),
                CommitRange.parse("main", List.of()), CommitRange.parse("topic..", List.of()))) {
            for (int limit : new int[] {1, 3, Integer.MAX_VALUE}) {
                var sinks = new AtomicInteger();
                List<RangeCommit> byGit;
                try (var commits = RangeCommits.start(dir, range, limit)) {
                    byGit = commits.readInto(() -> {
                        sinks.incrementAndGet();
                        return new Sink();
                    });
                }
                var byJGit = read(RangeCommits.withoutGit(dir, range, limit));

                assertThat(sinks).as("git read %s itself", range).hasValue(1);
                assertThat(byGit).as("%s, at most %d", range, limit).isEqualTo(byJGit).isNotEmpty();
            }
        }
        var all = read(RangeCommits.start(dir, CommitRange.parse("main", List.of()), Integer.MAX_VALUE));
        assertThat(all).hasSize(9);
        assertThat(all).filteredOn(c -> c.parentCount() == 2).singleElement()
                .satisfies(merge -> assertThat(merge.message()).startsWith("Merge branch 'topic'"));
        assertThat(all).extracting(RangeCommit::message).contains("fix: caf\u00e9 in Latin-1\n", "",
                "docs: \u00fcber alles, \u2603 and \uD83D\uDE80\n", "feature: add c\r\n\r\nCRLF kept verbatim\r\n");
        assertThat(all).filteredOn(c -> c.parentCount() == 0).singleElement()
                .satisfies(root -> assertThat(root.message()).isEqualTo("chore: start\n"));
    }

    @Test
    void shouldHandTheRangeToOneSinkWhenGitReadsIt() {
        var sinks = new AtomicInteger();

        var sink = RangeCommits.start(dir, CommitRange.parse("base..main", List.of()), Integer.MAX_VALUE)
                .readInto(() -> {
                    sinks.incrementAndGet();
                    return new Sink();
                });

        assertThat(sinks).hasValue(1);
        assertThat(sink).hasSize(8);
    }

    @Test
    void shouldLeaveWhatGitCannotReadToJGitAndItsMessages() {
        var sinks = new AtomicInteger();
        var commits = RangeCommits.start(dir, CommitRange.parse("nope..main", List.of()), Integer.MAX_VALUE);

        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> commits.readInto(() -> {
            sinks.incrementAndGet();
            return new Sink();
        })).withMessageContaining("unknown revision 'nope'");
        assertThat(sinks).as("git's attempt, then JGit's").hasValue(2);
    }

    @Test
    void shouldHandOverAWalkOfManyBatchesInOrderAndStopItWhenTheCheckFails() throws Exception {
        var script = new StringBuilder();
        for (int i = 1; i <= 700; i++) {
            var message = "feat: step " + i + "\n";
            script.append("commit refs/heads/long\ncommitter Ada <ada@example.org> ").append(1_700_000_000 + i)
                    .append(" +0000\ndata ").append(message.length()).append('\n').append(message)
                    .append(i == 1 ? "from refs/heads/main^0\n" : "").append('\n');
        }
        var imported = new ProcessBuilder("git", "fast-import", "--quiet").directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        try (var stdin = imported.getOutputStream()) {
            stdin.write(script.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(imported.waitFor()).isZero();
        var range = CommitRange.parse("main..long", List.of());

        var walked = read(RangeCommits.withoutGit(dir, range, Integer.MAX_VALUE));

        assertThat(walked).hasSize(700).isEqualTo(read(RangeCommits.start(dir, range, Integer.MAX_VALUE)));
        assertThat(walked.get(0).message()).isEqualTo("feat: step 700\n");
        assertThat(read(RangeCommits.withoutGit(dir, range, 300))).isEqualTo(walked.subList(0, 300));
        var seen = new AtomicInteger();
        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> {
            try (var commits = RangeCommits.withoutGit(dir, range, Integer.MAX_VALUE)) {
                commits.readInto(() -> commit -> {
                    if (seen.incrementAndGet() == 300) {
                        throw new IllegalStateException("a rule failed");
                    }
                });
            }
        }).withMessage("a rule failed");
        assertThat(seen).hasValue(300);
    }

    @Test
    void shouldRefuseRevisionsThatLookLikeOptions() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> CommitRange.parse("--output=/tmp/x..main", List.of()))
                .withMessageContaining("not a revision: '--output=/tmp/x'");
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> CommitRange.parse("main", List.of("-n1")));
        assertThat(CommitRange.parse("..topic", List.of())).isEqualTo(new CommitRange("topic", List.of("HEAD")));
    }

    private static List<RangeCommit> read(RangeCommits commits) {
        try (commits) {
            return commits.readInto(Sink::new);
        }
    }

    /** A commit of one file; the message given as bytes where Git must not re-encode it. */
    private void commit(int n, String message, String... how) throws Exception {
        Files.writeString(dir.resolve("f" + n + ".txt"), "file " + n);
        git.run("add", ".");
        var args = new ArrayList<>(List.of("commit", "-q", "--no-verify"));
        var messageFile = dir.resolve(".git/MSG");
        var bytes = message.getBytes(StandardCharsets.UTF_8);
        for (var option : how) {
            switch (option) {
                case "--encoding-latin1" -> {
                    bytes = message.getBytes(StandardCharsets.ISO_8859_1);
                    args.addAll(0, List.of("-c", "i18n.commitEncoding=ISO-8859-1"));
                }
                case "--raw-latin1" -> bytes = message.getBytes(StandardCharsets.ISO_8859_1);
                default -> args.add(option);
            }
        }
        Files.write(messageFile, bytes);
        args.addAll(List.of("-F", messageFile.toString()));
        git.run(args.toArray(String[]::new));
    }
}
