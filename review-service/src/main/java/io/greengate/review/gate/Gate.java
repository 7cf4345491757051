package io.greengate.review.gate;

import io.greengate.review.store.Review;

import java.util.List;

/** The CI gate of one repository and commit: EMPTY (no suggestions), PENDING (any review pending) or PASSED. */
public record Gate(String repository, String commit, String status, long pending, long accepted, long modified,
                   long rejected) {

    public static Gate of(String repository, String commit, List<Review> reviews) {
        long pending = count(reviews, Review.Status.PENDING);
        String status = reviews.isEmpty() ? "EMPTY" : pending > 0 ? "PENDING" : "PASSED";
        return new Gate(repository, commit, status, pending, count(reviews, Review.Status.ACCEPTED),
                count(reviews, Review.Status.MODIFIED), count(reviews, Review.Status.REJECTED));
    }

    private static long count(List<Review> reviews, Review.Status status) {
        return reviews.stream().filter(r -> r.status.equals(status.name())).count();
    }
}
