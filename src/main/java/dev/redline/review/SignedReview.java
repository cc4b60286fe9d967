package dev.redline.review;

import java.nio.file.Path;

/**
 * A review just recorded.
 *
 * @param file        where it was written
 * @param displayFile {@code file} relative to the repository's top folder
 */
public record SignedReview(Path file, String displayFile, Review review) {

    public boolean signed() {
        return review.signature() != null;
    }
}
