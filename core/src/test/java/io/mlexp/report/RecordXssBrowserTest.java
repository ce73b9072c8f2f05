package io.mlexp.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored XSS through the path a pull request controls: an experiment record full of payloads,
 * rendered into the HTML report the way a tag build publishes it, opened in headless Chromium.
 * Every payload calls {@code xss(n)}, a sentinel the test adds to the page; a call would mark the
 * document. A control call proves the sentinel works in this browser.
 */
class RecordXssBrowserTest {
    private static final Pattern SAFE_URL = Pattern.compile("(https?:|mailto:|#|[\\w./-]*$).*", Pattern.CASE_INSENSITIVE);

    @TempDir
    Path dir;

    @BeforeAll
    static void chromium() {
        Chromium.assumeInstalled("RecordXssBrowserTest");
    }

    @Test
    void noPayloadInARecordRunsInTheReport() throws Exception {
        var vectors = XssVectors.all();
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(50);
        var page = reportOf(XssVectors.record(vectors));
        withSentinel(page);

        var dom = Jsoup.parse(Chromium.open(page, dir, "--dump-dom").output());

        assertThat(dom.select("html").attr("data-xss0")).as("the sentinel catches a handler that runs").isEqualTo("1");
        var fired = new ArrayList<String>();
        for (int n = 1; n <= vectors.size(); n++) {
            if (dom.select("html").hasAttr("data-xss" + n)) {
                fired.add(n + ": " + vectors.get(n - 1));
            }
        }
        assertThat(fired).as("payloads that ran").isEmpty();
        var record = dom.select("article.record").first();
        assertThat(record).as("the record is in the report").isNotNull();
        assertThat(record.text()).contains("EXP-001", "Payloads in prose");
    }

    @Test
    void theRecordInTheReportHoldsNoScriptHandlerOrUnsafeUrl() throws Exception {
        var page = reportOf(XssVectors.record(XssVectors.all()));
        var record = Jsoup.parse(Files.readString(page)).select("article.record").first();

        assertThat(record.select("script, iframe, object, embed, svg, math, style, link, meta, base, form, input, template")).isEmpty();
        record.getAllElements().forEach(element -> element.attributes().forEach(attribute -> {
            assertThat(attribute.getKey()).as(element.outerHtml()).doesNotStartWith("on").isNotIn("style", "srcdoc", "formaction");
            if (List.of("href", "src").contains(attribute.getKey())) {
                assertThat(attribute.getValue().strip()).as(element.outerHtml()).matches(SAFE_URL);
            }
        }));
    }

    /** The HTML report of a tag whose record is {@code markdown}, written as the publish stage writes it. */
    private Path reportOf(String markdown) throws Exception {
        var repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve("experiments"));
        Files.writeString(repo.resolve("experiments/EXP-001.md"), markdown);
        var config = new ConfigLoader().parse("version: 1\n", ".mlexp.yml");
        var recordHtml = Reports.recordHtml(repo, config.record(), Optional.of("EXP-001"));
        assertThat(recordHtml).isPresent();
        var entries = ReportFixtures.history(3);
        var current = entries.get(2);
        var facts = Reports.facts("mlexp report: v0.2", current, Optional.of(entries.get(1)), entries, config.publish().gates(),
                List.of(), recordHtml, List.of(), List.of());
        return Reports.write(dir.resolve("report"), facts, EnumSet.of(Reports.Format.HTML)).get(0);
    }

    /**
     * Adds {@code xss(n)}, which marks the document, before anything else of the page runs, and a
     * control payload of the test's own ({@code xss(0)} from an image's error handler) that must fire.
     */
    private static void withSentinel(Path page) throws Exception {
        var html = Files.readString(page);
        var sentinel = "<script>function xss(n){document.documentElement.setAttribute('data-xss'+n,'1')}</script>";
        var control = "<img src=\"missing.png\" onerror=\"xss(0)\">";
        int head = html.indexOf("<head>");
        int end = html.lastIndexOf("</body>");
        assertThat(head).isNotNegative();
        assertThat(end).isGreaterThan(head);
        Files.writeString(page, html.substring(0, head + 6) + sentinel + html.substring(head + 6, end) + control + html.substring(end));
    }
}
