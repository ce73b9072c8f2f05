package io.mlexp.git;

/** One commit of a range: its ID, how many parents it has and its message as stored. */
public record RangeCommit(String id, int parentCount, String message) {
    /** The first seven characters of the ID, as findings name a commit. */
    public String shortId() {
        return id.substring(0, 7);
    }
}
