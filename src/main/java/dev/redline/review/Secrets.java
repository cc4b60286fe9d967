package dev.redline.review;

import java.util.regex.Pattern;

/** Takes passwords out of text that goes into a review file: connection URLs and server messages. */
final class Secrets {

    private static final Pattern URL_USERINFO = Pattern.compile("(//[^/@\\s:?#]*):[^/@\\s?#]*@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile(
            "(?i)((?:^|[?&;\\s])(?:password|passwd|pwd|sslpassword|sslkey_password)\\s*=\\s*)[^&;\\s]*");
    private static final Pattern PASSWORD_LITERAL = Pattern.compile("(?i)(\\bpassword\\s+)'(?:[^']|'')*'");

    static final String HIDDEN = "***";

    private Secrets() {
    }

    static String redact(String text) {
        if (text == null) {
            return null;
        }
        String s = URL_USERINFO.matcher(text).replaceAll("$1:" + HIDDEN + "@");
        s = PASSWORD_PARAMETER.matcher(s).replaceAll("$1" + HIDDEN);
        return PASSWORD_LITERAL.matcher(s).replaceAll("$1'" + HIDDEN + "'");
    }
}
