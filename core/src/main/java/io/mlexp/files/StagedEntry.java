package io.mlexp.files;

/** A file staged for the next commit: its path, its blob's ID, and its position in Git's order. */
record StagedEntry(String path, String blob, int position) {
}
