package dev.redline.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven stamps into {@code dev/redline/version.properties} when it builds the jar. */
public final class RedlineVersion {

    private static final String RESOURCE = "/dev/redline/version.properties";

    private RedlineVersion() {
    }

    /** The project version, or {@code unknown} when the resource is missing or was not filtered by the build. */
    public static String current() {
        try (InputStream in = RedlineVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").trim();
            return version.isEmpty() || version.contains("${") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
