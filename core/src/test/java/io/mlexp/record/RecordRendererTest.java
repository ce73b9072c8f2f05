package io.mlexp.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Records come from pull requests: nothing in one may run in a reader's browser. */
class RecordRendererTest {
    private final RecordRenderer renderer = new RecordRenderer();

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](javascript:alert(1))",
        "<svg><script>alert(1)</script></svg>",
        "<svg onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "| a | b |\n|:--|:--|\n| <script>alert(1)</script> | <img src=x onerror=alert(1)> |",
        "---\nconfig: <script>alert(1)</script>\n---\n# EXP-001",
        "[x](https://ok.example \"a\\\" onmouseover=\\\"alert(1)\")",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "[x](vbscript:msgbox(1))",
        "<form action=\"https://evil.example\"><input></form>"})
    void shouldRenderNothingExecutable(String markdown) {
        var html = renderer.render(markdown).toLowerCase(java.util.Locale.ROOT);
        // escaped text may show the payload to the reader; only the markup the browser acts on matters
        var tags = String.join("", java.util.regex.Pattern.compile("<[^>]*>").matcher(html).results()
                .map(java.util.regex.MatchResult::group).toList());

        assertThat(tags).doesNotContain("<script", "<svg", "<iframe", "<form", "<input", "onerror=", "onload=",
                "onmouseover=", "javascript:", "vbscript:", "data:text", "style=");
    }

    @Test
    void shouldShowEscapedHtmlAsTextSoReviewersSeeIt() {
        assertThat(renderer.render("Look: <script>alert(1)</script>")).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void shouldKeepWhatRecordsAreMadeOf() {
        var html = renderer.render("""
                ---
                config: configs/base.yaml
                ---
                # EXP-001: baseline

                ## Hyperparameters
                | Parameter | Value |
                |:----------|:------|
                | lr        | **0.001** |

                See [the run](https://runs.example/42) and `train.py`.
                """);

        assertThat(html).contains("<dl class=\"front-matter\"><dt>config</dt><dd>configs/base.yaml</dd></dl>",
                "<h1>EXP-001: baseline</h1>", "<th align=\"left\">Parameter</th>", "<strong>0.001</strong>",
                "<code>train.py</code>", "href=\"https://runs.example/42\"");
        assertThat(html).containsPattern("rel=\"(?=[^\"]*nofollow)(?=[^\"]*noopener)(?=[^\"]*noreferrer)[^\"]*\"");
    }
}
