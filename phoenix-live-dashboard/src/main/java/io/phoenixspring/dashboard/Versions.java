package io.phoenixspring.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Phoenix for Spring's version, written into {@code version.properties} by the build. */
final class Versions {

    private static final String PHOENIX = load();

    private Versions() {
    }

    static String phoenix() {
        return PHOENIX;
    }

    private static String load() {
        try (InputStream in = Versions.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
