package io.mlexp.report;

import java.util.List;

/**
 * Stored-XSS payloads for {@link RecordXssBrowserTest}, each written as it would sit in a record:
 * raw HTML in prose, Markdown links and images, table cells, headings and front matter. {@code N}
 * stands for the payload's number; every payload that ran would call {@code xss(N)}.
 */
final class XssVectors {
    /** Where in the record a payload goes. */
    enum Place { PROSE, TABLE, HEADING, FRONT_MATTER }

    record Vector(Place place, String payload) {
        String numbered(int n) {
            return payload.replace("xss(N)", "xss(" + n + ")").replace("reference N", "reference " + n);
        }

        @Override
        public String toString() {
            return place + " " + payload;
        }
    }

    private XssVectors() {
    }

    static List<Vector> all() {
        return List.of(
                // raw HTML
                prose("<script>xss(N)</script>"),
                prose("<img src=x onerror=xss(N)>"),
                prose("<IMG SRC=x OnErRoR=xss(N)>"),
                prose("<img src=x onerror&#61;xss(N)>"),
                prose("<img src=\"x` `<script>xss(N)</script>\"` `>"),
                prose("<svg onload=xss(N)>"),
                prose("<svg><script>xss(N)</script></svg>"),
                prose("<svg><animate onbegin=xss(N) attributeName=x dur=1s>"),
                prose("<svg><a xlink:href=\"javascript:xss(N)\"><text x=20 y=20>x</text></a></svg>"),
                prose("<iframe srcdoc=\"<script>parent.xss(N)</script>\"></iframe>"),
                prose("<iframe src=\"javascript:parent.xss(N)\"></iframe>"),
                prose("<body onload=xss(N)>"),
                prose("<details open ontoggle=xss(N)>"),
                prose("<video><source onerror=xss(N)></video>"),
                prose("<audio src=x onerror=xss(N)>"),
                prose("<input autofocus onfocus=xss(N)>"),
                prose("<select autofocus onfocus=xss(N)></select>"),
                prose("<textarea autofocus onfocus=xss(N)></textarea>"),
                prose("<marquee onstart=xss(N)>m</marquee>"),
                prose("<object data=\"javascript:xss(N)\"></object>"),
                prose("<embed src=\"javascript:xss(N)\">"),
                prose("<math><mtext><table><mglyph><style><img src=x onerror=xss(N)>"),
                prose("<noscript><p title=\"</noscript><img src=x onerror=xss(N)>\"></noscript>"),
                prose("<style>@import 'javascript:xss(N)';</style>"),
                prose("<link rel=stylesheet href=\"javascript:xss(N)\">"),
                prose("<meta http-equiv=\"refresh\" content=\"0;url=javascript:xss(N)\">"),
                prose("<base href=\"javascript:xss(N)//\">"),
                prose("<form><button formaction=\"javascript:xss(N)\">go</button></form>"),
                prose("<scr<script>ipt>xss(N)</scr</script>ipt>"),
                prose("<!--><img src=x onerror=xss(N)>-->"),
                prose("<![CDATA[<img src=x onerror=xss(N)>]]>"),
                prose("<template><img src=x onerror=xss(N)></template>"),
                prose("<div style=\"background:url(javascript:xss(N))\">d</div>"),
                prose("</article><script>xss(N)</script><article>"),
                prose("<a href=\"jav&#x09;ascript:xss(N)\">tab</a>"),
                prose("<img src=x onerror=\"&#x78;ss(N)\">"),
                // Markdown links and images
                prose("[link](javascript:xss(N))"),
                prose("[link](JaVaScRiPt:xss(N))"),
                prose("[link](javascript&#58;xss(N))"),
                prose("[link](data:text/html,<script>xss(N)</script>)"),
                prose("[link](vbscript:xss(N))"),
                prose("[link](<javascript:xss(N)>)"),
                prose("<javascript:xss(N)>"),
                prose("![image](javascript:xss(N))"),
                prose("![image](x\" onerror=\"xss(N))"),
                prose("![image](data:image/svg+xml,<svg onload=xss(N)>)"),
                prose("[reference N]\n\n[reference N]: javascript:xss(N)"),
                prose("[title](https://example.org \"\\\" onmouseover=xss(N) x=\\\"\")"),
                prose("*<img src=x onerror=xss(N)>*"),
                prose("`<img src=x onerror=xss(N)>`"),
                prose("```\"><img src=x onerror=xss(N)>\ncode\n```"),
                prose("&lt;img src=x onerror=xss(N)&gt;"),
                // tables, headings, front matter
                table("<img src=x onerror=xss(N)>"),
                table("<script>xss(N)</script>"),
                table("[cell](javascript:xss(N))"),
                heading("<svg onload=xss(N)>"),
                heading("[heading](javascript:xss(N))"),
                frontMatter("note: <img src=x onerror=xss(N)>"),
                frontMatter("\"<script>xss(N)</script>\": value"),
                frontMatter("link: \"javascript:xss(N)\""));
    }

    /** A record holding every payload in its place; it is otherwise a valid record. */
    static String record(List<Vector> vectors) {
        var frontMatter = new StringBuilder();
        var prose = new StringBuilder();
        var table = new StringBuilder("| Parameter | Value |\n|:--|:--|\n");
        var headings = new StringBuilder();
        for (int n = 1; n <= vectors.size(); n++) {
            var vector = vectors.get(n - 1);
            var text = vector.numbered(n);
            switch (vector.place()) {
                case PROSE -> prose.append(text).append("\n\n");
                case TABLE -> table.append("| p").append(n).append(" | ").append(text).append(" |\n");
                case HEADING -> headings.append("### ").append(text).append("\n\nText.\n\n");
                case FRONT_MATTER -> frontMatter.append(text).append('\n');
            }
        }
        return "---\n" + frontMatter + "---\n# EXP-001: Payloads in prose, tables, headings and front matter\n\n"
                + "## Goal\n" + prose + "## Hypothesis\n" + headings + "## Hyperparameters\n" + table
                + "\n## Results\nNone.\n\n## Conclusion\nNone ran.\n";
    }

    private static Vector prose(String payload) {
        return new Vector(Place.PROSE, payload);
    }

    private static Vector table(String payload) {
        return new Vector(Place.TABLE, payload);
    }

    private static Vector heading(String payload) {
        return new Vector(Place.HEADING, payload);
    }

    private static Vector frontMatter(String payload) {
        return new Vector(Place.FRONT_MATTER, payload);
    }
}
