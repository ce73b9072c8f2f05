package io.mlexp.cli;

/**
 * {@code --format}: text for people, json for machines; {@code mlexp report} also takes html and markdown,
 * and writes only that file.
 */
enum OutputFormat {
    text, json, html, markdown;

    boolean reportOnly() {
        return this == html || this == markdown;
    }
}
