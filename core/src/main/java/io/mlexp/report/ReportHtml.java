package io.mlexp.report;

import io.mlexp.experiments.ExperimentTableFormats;
import io.mlexp.history.Comparison;
import io.mlexp.metrics.Sample;
import io.mlexp.record.RecordRenderer;
import io.mlexp.util.Html;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * {@code index.html}: one self-contained page that opens offline. ECharts comes inline from its
 * WebJar and draws with SVG; the page's data is one JSON block the script reads. Verdicts and failed
 * gates come first, then the metrics against the base, the smoke run's curves, one trend chart per
 * metric across the history, the fingerprint, the experiment record and the commits.
 */
public final class ReportHtml {
    static final String ECHARTS_VERSION = "5.5.0";
    private static final String ECHARTS = "META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/echarts.min.js";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private ReportHtml() {
    }

    public static String render(ReportFacts facts) {
        var html = new StringBuilder(1_200_000);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(facts.title())).append("</title>\n<style>").append(PAGE_STYLE).append(REPORT_STYLE)
                .append("</style></head>\n")
                .append("<body data-verdict=\"").append(facts.gatesFailed() ? "failed" : "passed").append("\">\n")
                .append("<h1>").append(Html.escape(facts.title())).append("</h1>\n")
                .append(fragment(facts))
                .append("<script>").append(echarts()).append("</script>\n<script>").append(chartsScript()).append("</script>\n")
                .append("</body></html>\n");
        return html.toString();
    }

    /**
     * The report without page, title, styles or scripts, for another page to embed (the Jenkins build
     * page): every text escaped, the record sanitised, the charts' data in a JSON script block that no
     * browser runs. {@link #chartsScript()} draws the charts once ECharts is loaded.
     */
    public static String fragment(ReportFacts facts) {
        var html = new StringBuilder(64 * 1024);
        html.append("<div class=\"" + SCOPE + "\">\n<p class=\"meta\">").append(Html.escape(facts.current().label())).append(" · commit <code>")
                .append(Html.escape(facts.current().commit())).append("</code> · ").append(DATE.format(facts.current().date()))
                .append(facts.comparison().base().map(base -> " · compared with " + Html.escape(base.label())).orElse(" · nothing to compare with"))
                .append(" · generated ").append(DATE.format(facts.generated())).append("</p>\n");
        verdicts(html, facts);
        metrics(html, facts.comparison());
        if (!facts.smokeCurves().isEmpty()) {
            html.append("<h2>Smoke run</h2>\n<div class=\"chart\" id=\"chart-smoke\" data-chart=\"smoke\"></div>\n");
        }
        if (!facts.trend().isEmpty()) {
            html.append("<h2>Across the history (").append(facts.trend().size()).append(facts.trend().size() == 1 ? " entry" : " entries")
                    .append(")</h2>\n<div class=\"trends\">\n");
            int index = 0;
            for (var metric : facts.trendMetrics()) {
                html.append("<div class=\"chart\" id=\"chart-trend-").append(index++).append("\" data-chart=\"trend\" data-metric=\"")
                        .append(Html.escape(metric)).append("\"></div>\n");
            }
            html.append("</div>\n");
        }
        fingerprint(html, facts);
        facts.experiments().filter(table -> !table.rows().isEmpty()).ifPresent(table -> html.append("<h2>Experiments (")
                .append(table.rows().size()).append(")</h2>\n<p class=\"meta\">Click a heading to sort; * marks a hyperparameter that"
                        + " differs between experiments.</p>\n").append(ExperimentTableFormats.html(table)));
        facts.recordHtml().ifPresent(record -> html.append("<h2>Experiment record</h2>\n<article class=\"record\">")
                .append(record).append("</article>\n"));
        if (!facts.commits().isEmpty()) {
            html.append("<h2>Commits</h2>\n<ul class=\"commits\">\n");
            facts.commits().forEach(commit -> html.append("<li><code>")
                    .append(Html.escape(commit.id().substring(0, Math.min(12, commit.id().length())))).append("</code> ")
                    .append(Html.escape(commit.subject())).append("</li>\n"));
            html.append("</ul>\n");
        }
        if (!facts.warnings().isEmpty()) {
            html.append("<h2>Warnings</h2>\n<ul class=\"warnings\">\n");
            facts.warnings().forEach(w -> html.append("<li>").append(Html.escape(w.format())).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("<script type=\"application/json\" id=\"mlexp-data\">").append(scriptSafe(ReportJson.compact(facts)))
                .append("</script>\n</div>\n");
        return html.toString();
    }

    /**
     * A smoke run's curves alone, for a build that publishes no report (a branch push): the same chart
     * and data block as {@link #fragment}, drawn by {@link #chartsScript()}.
     */
    public static String smokeFragment(List<Sample> samples) {
        if (samples.isEmpty()) {
            return "";
        }
        return "<div class=\"" + SCOPE + "\">\n<h2>Smoke run</h2>\n<div class=\"chart\" id=\"chart-smoke\" data-chart=\"smoke\"></div>\n"
                + "<script type=\"application/json\" id=\"mlexp-data\">" + scriptSafe(ReportJson.smokeOnly(samples)) + "</script>\n</div>\n";
    }

    /**
     * A fragment as it may be shown inside another application's page: only the elements and
     * attributes mlexp's renderer writes survive, whatever produced the text (Jenkins receives it
     * from an agent, which it does not trust); the data block goes too, so pass the data separately.
     */
    public static String sanitize(String fragment) {
        return FRAGMENT_POLICY.sanitize(fragment);
    }

    private static final PolicyFactory FRAGMENT_POLICY = RecordRenderer.POLICY
            .and(new HtmlPolicyBuilder()
                    .allowElements("section", "article", "div", "span", "p", "table", "thead", "tbody", "tr", "th", "td")
                    .allowAttributes("id").matching(Pattern.compile("verdict|gates|metrics|fingerprint|experiments|chart-[a-z0-9-]{1,40}"))
                    .globally()
                    .allowAttributes("class").matching(Pattern.compile("[a-z][a-z -]{0,60}")).globally()
                    .allowAttributes("data-chart").matching(Pattern.compile("smoke|trend")).onElements("div")
                    .allowAttributes("data-metric").onElements("div", "tr")
                    .toFactory());

    /** The script that draws the charts of {@link #fragment} (needs {@code echarts} loaded first) and sorts its tables. */
    public static String chartsScript() {
        return CHARTS + ExperimentTableFormats.SORT_SCRIPT;
    }

    /** The styles of the report page, for a page that embeds the fragment. */
    public static String style() {
        return REPORT_STYLE;
    }

    private static void verdicts(StringBuilder html, ReportFacts facts) {
        html.append("<section id=\"verdict\" class=\"").append(facts.gatesFailed() ? "failed" : "passed").append("\">")
                .append(facts.gatesFailed() ? "Quality gates failed" : "Quality gates passed");
        facts.current().smoke().ifPresent(smoke -> html.append(" · smoke run ").append(Html.escape(smoke.verdict()))
                .append(" on the ").append(Html.escape(smoke.engine())).append(" engine"));
        html.append("</section>\n");
        if (!facts.gates().isEmpty()) {
            html.append("<ul id=\"gates\">\n");
            facts.gates().forEach(gate -> html.append("<li class=\"").append(gate.isError() ? "failed" : "warning").append("\">")
                    .append(Html.escape(gate.message())).append("</li>\n"));
            html.append("</ul>\n");
        }
    }

    private static void metrics(StringBuilder html, Comparison comparison) {
        html.append("<h2>Metrics</h2>\n<table id=\"metrics\"><thead><tr><th>Metric</th><th>")
                .append(Html.escape(comparison.base().map(b -> b.label()).orElse("before"))).append("</th><th>")
                .append(Html.escape(comparison.current().label())).append("</th><th>Change</th></tr></thead><tbody>\n");
        for (var delta : comparison.deltas()) {
            html.append("<tr data-metric=\"").append(Html.escape(delta.metric())).append("\" class=\"").append(delta.verdict())
                    .append("\"><td>").append(Html.escape(delta.metric())).append("</td><td>").append(number(delta.base()))
                    .append("</td><td>").append(number(delta.current())).append("</td><td>");
            if (delta.change().isPresent()) {
                html.append(String.format(Locale.ROOT, "%+.4g", delta.change().getAsDouble()));
                delta.relativeChange().ifPresent(r -> html.append(String.format(Locale.ROOT, " (%+.1f%%)", r * 100)));
            }
            html.append(" <span class=\"tag\">").append(delta.verdict()).append("</span></td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void fingerprint(StringBuilder html, ReportFacts facts) {
        var fingerprint = facts.current().fingerprint();
        if (fingerprint.isEmpty()) {
            return;
        }
        html.append("<h2>Environment</h2>\n<table id=\"fingerprint\"><tbody>\n");
        fingerprint.forEach((key, value) -> html.append("<tr><th>").append(Html.escape(key)).append("</th><td><code>")
                .append(Html.escape(value)).append("</code></td></tr>\n"));
        html.append("</tbody></table>\n");
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.4g", value.getAsDouble()) : "–";
    }

    /** JSON inside a script element: nothing in it may close the element or open a comment. */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static String echarts() {
        try (InputStream in = ReportHtml.class.getClassLoader().getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IllegalStateException("the ECharts WebJar " + ECHARTS_VERSION + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The container every report fragment sits in; every rule of {@link #REPORT_STYLE} is scoped under it. */
    static final String SCOPE = "mlexp-report";

    /** The stand-alone page's own frame: the only rules that style elements outside the report's container. */
    private static final String PAGE_STYLE = """
            body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:64rem;padding:0 1rem;color:#1f2328}
            h1{margin-bottom:.2rem}
            """;

    /** The report's rules, each under {@code .mlexp-report}, so that a page that embeds the fragment (Jenkins) keeps its own look. */
    private static final String REPORT_STYLE = """
            .mlexp-report .meta{color:#59636e;margin-top:0}
            .mlexp-report table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
            .mlexp-report th,.mlexp-report td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #d0d7de;vertical-align:top}
            .mlexp-report #metrics td:nth-child(n+2){text-align:right;font-variant-numeric:tabular-nums}
            .mlexp-report #verdict{padding:.6rem 1rem;border-radius:6px;font-weight:600;margin:1rem 0}
            .mlexp-report #verdict.passed{background:#dafbe1;color:#116329}.mlexp-report #verdict.failed{background:#ffebe9;color:#a40e26}
            .mlexp-report #gates li.failed{color:#a40e26;font-weight:600}
            .mlexp-report tr.better .tag{color:#1a7f37}.mlexp-report tr.worse .tag{color:#cf222e}
            .mlexp-report tr.same .tag,.mlexp-report tr.new .tag,.mlexp-report tr.gone .tag{color:#6e7781}
            .mlexp-report .tag{font-size:12px;text-transform:uppercase;margin-left:.4rem}
            .mlexp-report .trends{display:grid;grid-template-columns:repeat(auto-fill,minmax(30rem,1fr));gap:1rem}
            .mlexp-report .chart{height:280px;width:100%}
            .mlexp-report code{font-family:ui-monospace,monospace;font-size:13px}
            .mlexp-report .record{border:1px solid #d0d7de;border-radius:6px;padding:0 1rem}
            .mlexp-report #experiments{display:block;overflow-x:auto;font-size:13px}
            .mlexp-report #experiments th{cursor:pointer;white-space:nowrap}
            .mlexp-report #experiments td:first-child{white-space:nowrap}.mlexp-report #experiments th.differs{color:#9a6700}
            .mlexp-report #experiments th.asc::after{content:' ▲'}.mlexp-report #experiments th.desc::after{content:' ▼'}
            """;


    /** Draws every chart from the page's data; errors are counted on the body for tests and humans. */
    private static final String CHARTS = """
            (function () {
              var body = document.body, errors = [];
              window.addEventListener('error', function (e) { errors.push(String(e.message)); body.dataset.errors = errors.join(' | '); });
              // the page carries its data in a script block; Jenkins' page in a data-json attribute
              var holder = document.getElementById('mlexp-data');
              var data = JSON.parse(holder.dataset.json || holder.textContent);
              var drawn = 0;
              // tooltips are HTML: every value from the history is text, never markup
              function esc(text) {
                return String(text).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
              }
              function chart(el, option) {
                var c = echarts.init(el, null, { renderer: 'svg' });
                option.animation = false;
                option.grid = { containLabel: true, left: 8, right: 24, top: 40, bottom: 24 };
                c.setOption(option);
                window.addEventListener('resize', function () { c.resize(); });
                drawn++;
              }
              var smokeEl = document.getElementById('chart-smoke');
              if (smokeEl) {
                var names = [];
                data.smoke.forEach(function (p) { Object.keys(p).forEach(function (k) { if (k !== 'step' && names.indexOf(k) < 0) names.push(k); }); });
                names = names.filter(function (n) { return /loss|acc/i.test(n); });
                chart(smokeEl, {
                  tooltip: { trigger: 'axis' }, legend: { data: names },
                  xAxis: { type: 'value', name: 'step', nameLocation: 'middle', nameGap: 24 }, yAxis: { type: 'value', scale: true },
                  series: names.map(function (n) {
                    var points = data.smoke.filter(function (p) { return typeof p[n] === 'number'; }).map(function (p) { return [p.step, p[n]]; });
                    return { name: n, type: 'line', showSymbol: points.length < 3, data: points };
                  })
                });
              }
              document.querySelectorAll('[data-chart=trend]').forEach(function (el) {
                var metric = el.dataset.metric;
                var points = data.trend.entries.filter(function (e) { return typeof e.metrics[metric] === 'number'; });
                chart(el, {
                  title: { text: metric, left: 'center', textStyle: { fontSize: 14 } },
                  tooltip: { trigger: 'axis', formatter: function (items) {
                    var e = points[items[0].dataIndex];
                    return esc(e.label) + '<br>commit ' + esc(e.commit.substring(0, 12)) + '<br>' + esc(e.date) + '<br>'
                      + esc(metric) + ': ' + esc(e.metrics[metric]);
                  } },
                  xAxis: { type: 'category', data: points.map(function (e) { return e.label; }) },
                  yAxis: { type: 'value', scale: true },
                  series: [{ type: 'line', sampling: 'lttb', showSymbol: points.length < 50,
                    data: points.map(function (e) { return e.metrics[metric]; }) }]
                });
              });
              body.dataset.charts = String(drawn);
            })();
            """;
}
