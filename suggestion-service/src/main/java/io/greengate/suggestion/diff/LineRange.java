package io.greengate.suggestion.diff;

/** An inclusive range of 1-based line numbers in the file after the change. */
public record LineRange(int from, int to) {

    public boolean overlaps(int otherFrom, int otherTo) {
        return from <= otherTo && otherFrom <= to;
    }

    @Override
    public String toString() {
        return from == to ? String.valueOf(from) : from + "–" + to;
    }
}
