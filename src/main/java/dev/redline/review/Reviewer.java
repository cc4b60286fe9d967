package dev.redline.review;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Who signed a migration off, as git names its committers. */
public record Reviewer(String name, String email) {

    private static final Pattern NAME_AND_EMAIL = Pattern.compile("\\s*(.*?)\\s*<\\s*([^<>\\s]+@[^<>\\s]+)\\s*>\\s*");

    public Reviewer {
        if (name == null || name.isBlank() || email == null || !email.contains("@")) {
            throw new IllegalArgumentException("a reviewer needs a name and an email address");
        }
    }

    /** Parses {@code Name <email>}; returns {@code null} when {@code text} is not in that form. */
    public static Reviewer parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = NAME_AND_EMAIL.matcher(text);
        if (!m.matches() || m.group(1).isBlank()) {
            return null;
        }
        return new Reviewer(m.group(1), m.group(2));
    }

    /** {@code Name <email>}. */
    public String display() {
        return name + " <" + email + ">";
    }
}
