package io.mlexp.files;

/** A file staged for the next commit: its path, its blob's ID, its position in Git's order, and whether it is a symbolic link. */
record StagedEntry(String path, String blob, int position, boolean symbolicLink) {
}
