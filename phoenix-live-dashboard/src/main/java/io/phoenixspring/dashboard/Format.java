package io.phoenixspring.dashboard;

import java.util.Locale;

/** How the pages print figures: bytes in KiB/MiB/GiB, durations, percents (ROOT locale, so tests can read them). */
final class Format {

    private Format() {
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static String duration(long millis) {
        long seconds = millis / 1000;
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        long secs = seconds % 60;
        if (days > 0) {
            return String.format(Locale.ROOT, "%dd %02dh %02dm", days, hours, minutes);
        }
        return String.format(Locale.ROOT, "%02dh %02dm %02ds", hours, minutes, secs);
    }

    static String millis(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** A 0–1 load as a percent; negative (not available yet) as n/a. */
    static String percent(double load) {
        return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", load * 100);
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A per-second rate with one decimal. */
    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }

    /** A name made safe for an element id: anything but letters, digits, {@code -} and {@code _} becomes {@code _}. */
    static String slug(String name) {
        return name == null || name.isEmpty() ? "_" : name.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
