package dev.redline.core.parse;

/** A half-open range {@code [start, end)} of source offsets that a finding can point at. */
public record Span(int start, int end) {
}
