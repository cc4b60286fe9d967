package dev.redline.review;

/**
 * One of the six checklist points as the reviewer saw and answered it.
 *
 * @param point     1-6
 * @param question  the point's question
 * @param answer    Redline's answer when the reviewer looked at it
 * @param flagged   whether Redline flagged it (a destructive or risky finding, or no transaction)
 * @param confirmed whether the reviewer confirmed having checked it
 * @param note      the reviewer's note on this point, or {@code null}
 */
public record PointReview(int point, String question, String answer, boolean flagged, boolean confirmed,
                          String note) {

    public PointReview withAnswer(boolean confirmed, String note) {
        return new PointReview(point, question, answer, flagged, confirmed, note == null || note.isBlank() ? null
                : note.strip());
    }
}
