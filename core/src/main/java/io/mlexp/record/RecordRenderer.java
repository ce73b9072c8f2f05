package io.mlexp.record;

import io.mlexp.util.Html;
import java.util.regex.Pattern;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Renders a record to HTML for reports and Jenkins pages. Records come from pull requests, so three
 * layers stand between a record and a browser: commonmark escapes raw HTML and drops unsafe link
 * schemes, and the output then passes an OWASP sanitiser policy that allows only the elements and
 * attributes Markdown produces, and links to http, https and mailto only.
 */
public final class RecordRenderer {
    /** What survives in rendered records; the report's fragment policy extends it. */
    public static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code",
                    "em", "strong", "del", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "a", "img", "dl",
                    "dt", "dd")
            .allowAttributes("align").matching(Pattern.compile("left|center|right")).onElements("th", "td")
            .allowAttributes("class").matching(Pattern.compile("language-[\\w+-]{1,40}")).onElements("code")
            .allowAttributes("class").matching(Pattern.compile("front-matter")).onElements("dl")
            .allowAttributes("start").matching(Pattern.compile("\\d{1,9}")).onElements("ol")
            .allowAttributes("href").onElements("a")
            .allowAttributes("src", "alt", "title").onElements("img")
            .allowAttributes("title").onElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    private final RecordParser parser = new RecordParser();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(RecordParser.extensions())
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();

    /** The record's sanitised HTML: its front matter as a list of keys and values, then its body. */
    public String render(String markdown) {
        return render(markdown, "record");
    }

    /** The record as HTML; {@code path} names it in the message when it nests too deep to render. */
    public String render(String markdown, String path) {
        var document = parser.document(markdown, path);
        var frontMatter = new YamlFrontMatterVisitor();
        document.accept(frontMatter);
        var html = new StringBuilder();
        if (!frontMatter.getData().isEmpty()) {
            html.append("<dl class=\"front-matter\">");
            frontMatter.getData().forEach((key, values) -> html.append("<dt>").append(Html.escape(key)).append("</dt><dd>")
                    .append(Html.escape(String.join(", ", values))).append("</dd>"));
            html.append("</dl>\n");
        }
        html.append(renderer.render(document));
        return POLICY.sanitize(html.toString());
    }

    /** A self-contained page of the record, for a preview in a browser. */
    public String page(String markdown, String title) {
        return """
                <!DOCTYPE html>
                <html><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:50rem;padding:0 1rem;color:#1f2328}
                table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{padding:.3rem .6rem;border:1px solid #d0d7de}
                dl.front-matter{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem;color:#59636e}
                dl.front-matter dd{margin:0}code,pre{font-family:ui-monospace,monospace;background:#f6f8fa}
                </style></head><body>
                %s</body></html>
                """.formatted(Html.escape(title), render(markdown, title));
    }
}
