package io.mlexp.experiments;

import io.mlexp.metrics.Sample;
import io.mlexp.util.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A static SVG line chart of a run's curves, for a Markdown record: GitHub and every editor show an SVG image, where a
 * script-drawn chart would not appear. Written by hand (a few lines of SVG) rather than through JFreeChart, which
 * needs AWT and fonts a headless CI machine often lacks.
 */
public final class CurveSvg {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 36;
    private static final int BOTTOM = 40;
    private static final int MAX_POINTS = 2000;
    private static final String[] COLOURS = {"#0969da", "#cf222e", "#1a7f37", "#8250df", "#bf8700"};

    private CurveSvg() {
    }

    /** The chart of {@code metrics} over the steps of {@code samples}, titled {@code title}; steps thinned to at most 2000 points. */
    public static String render(String title, List<Sample> samples, List<String> metrics) {
        double minStep = Double.MAX_VALUE;
        double maxStep = -Double.MAX_VALUE;
        double minValue = Double.MAX_VALUE;
        double maxValue = -Double.MAX_VALUE;
        for (var sample : samples) {
            for (var metric : metrics) {
                var value = sample.values().get(metric);
                if (value != null && Double.isFinite(value)) {
                    minStep = Math.min(minStep, (double) sample.step());
                    maxStep = Math.max(maxStep, (double) sample.step());
                    minValue = Math.min(minValue, value);
                    maxValue = Math.max(maxValue, value);
                }
            }
        }
        var svg = new StringBuilder(8192);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n")
                .append("<text x=\"").append(WIDTH / 2).append("\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">")
                .append(Html.escape(title)).append("</text>\n");
        if (minStep > maxStep) {
            return svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\">no values logged</text>\n</svg>\n").toString();
        }
        if (maxValue == minValue) {
            maxValue += 1;
            minValue -= 1;
        }
        var scale = new Scale(minStep, Math.max(maxStep, minStep + 1), minValue, maxValue);
        axes(svg, scale);
        int stride = Math.max(1, samples.size() / MAX_POINTS);
        for (int m = 0; m < metrics.size(); m++) {
            var points = new ArrayList<String>();
            for (int i = 0; i < samples.size(); i += stride) {
                var value = samples.get(i).values().get(metrics.get(m));
                if (value != null && Double.isFinite(value)) {
                    points.add(format(scale.x((double) samples.get(i).step())) + "," + format(scale.y(value)));
                }
            }
            var colour = COLOURS[m % COLOURS.length];
            svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"")
                    .append(String.join(" ", points)).append("\"/>\n")
                    .append("<text x=\"").append(LEFT + 8).append("\" y=\"").append(TOP + 14 + 16 * m).append("\" fill=\"").append(colour)
                    .append("\">").append(Html.escape(metrics.get(m))).append("</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private record Scale(double minStep, double maxStep, double minValue, double maxValue) {
        double x(double step) {
            return LEFT + (step - minStep) / (maxStep - minStep) * (WIDTH - LEFT - RIGHT);
        }

        double y(double value) {
            return TOP + (maxValue - value) / (maxValue - minValue) * (HEIGHT - TOP - BOTTOM);
        }
    }

    private static void axes(StringBuilder svg, Scale scale) {
        int bottom = HEIGHT - BOTTOM;
        svg.append("<g stroke=\"#d0d7de\">\n");
        for (int i = 0; i <= 4; i++) {
            double value = scale.minValue() + (scale.maxValue() - scale.minValue()) * i / 4;
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(format(scale.y(value)))
                    .append("\" y2=\"").append(format(scale.y(value))).append("\"/>\n");
        }
        svg.append("</g>\n<g fill=\"#59636e\">\n");
        for (int i = 0; i <= 4; i++) {
            double value = scale.minValue() + (scale.maxValue() - scale.minValue()) * i / 4;
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(format(scale.y(value) + 4)).append("\" text-anchor=\"end\">")
                    .append(String.format(Locale.ROOT, "%.3g", value)).append("</text>\n");
            double step = scale.minStep() + (scale.maxStep() - scale.minStep()) * i / 4;
            svg.append("<text x=\"").append(format(scale.x(step))).append("\" y=\"").append(bottom + 16).append("\" text-anchor=\"middle\">")
                    .append(Math.round(step)).append("</text>\n");
        }
        svg.append("<text x=\"").append((LEFT + WIDTH - RIGHT) / 2).append("\" y=\"").append(HEIGHT - 6)
                .append("\" text-anchor=\"middle\">step</text>\n</g>\n");
    }

    private static String format(double coordinate) {
        return String.format(Locale.ROOT, "%.1f", coordinate);
    }
}
