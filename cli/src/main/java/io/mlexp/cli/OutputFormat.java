package io.mlexp.cli;

/** {@code --format}: text for people, json for machines. */
enum OutputFormat { text, json }
