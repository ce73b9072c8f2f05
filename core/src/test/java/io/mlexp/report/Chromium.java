package io.mlexp.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Headless Chromium, offline (every host name unresolvable), opening a page from disk. */
final class Chromium {
    private static final Path BINARY = Path.of("/usr/bin/chromium");

    /** What Chromium printed: the output asked for (the DOM, say) and its log. */
    record Run(String output, String log) {
    }

    private Chromium() {
    }

    /** Skips the calling test, with the reason, where Chromium is not installed. */
    static void assumeInstalled(String test) {
        if (!Files.isExecutable(BINARY)) {
            System.err.println(test + " skipped: no /usr/bin/chromium (Debian: apt-get install chromium)");
        }
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "no /usr/bin/chromium (Debian: apt-get install chromium)");
    }

    static Run open(Path page, Path scratch, String... extra) throws Exception {
        var log = scratch.resolve("chromium-" + System.nanoTime() + ".log");
        var command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=5000", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + Files.createTempDirectory(scratch, "profile")));
        command.addAll(List.of(extra));
        command.add(page.toUri().toString());
        var process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish within 60 s");
        }
        return new Run(output, Files.readString(log));
    }
}
