package io.phoenixspring.autoconfigure.channels;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.springframework.util.ClassUtils;

/**
 * The Reactor Netty on the class path, and whether it is one that stalls long-poll: before 1.3.8,
 * Reactor Netty stops reading a keep-alive connection after a request answered off the event loop
 * (reactor-netty #4361), and every long-poll answer comes from PubSub's threads.
 */
final class ReactorNettyVersion {

    /** The first version without the keep-alive stall. */
    static final String FIXED = "1.3.8";

    static final String HTTP_SERVER = "reactor.netty.http.server.HttpServer";
    private static final String SYMBOLIC_NAME = "io.projectreactor.netty.reactor-netty-http";

    private ReactorNettyVersion() {
    }

    /** reactor-netty-http's version, or null when it is absent or its jar does not say. */
    static String find(ClassLoader classLoader) {
        if (!ClassUtils.isPresent(HTTP_SERVER, classLoader)) {
            return null;
        }
        try {
            Package server = ClassUtils.forName(HTTP_SERVER, classLoader).getPackage();
            if (server != null && server.getImplementationVersion() != null) {
                return server.getImplementationVersion();
            }
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        // A class loader that defines packages without their manifest: read the jar's manifest itself.
        try {
            Enumeration<URL> manifests = classLoader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                try (InputStream in = manifests.nextElement().openStream()) {
                    Attributes main = new Manifest(in).getMainAttributes();
                    String name = main.getValue("Bundle-SymbolicName");
                    if (name != null && name.split(";")[0].trim().equals(SYMBOLIC_NAME)) {
                        return main.getValue("Implementation-Version");
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** Whether {@code version} (such as 1.3.6, 1.3.8, 1.3.10-SNAPSHOT, 1.2.16) has the keep-alive stall. */
    static boolean stalls(String version) {
        return compare(version, FIXED) < 0;
    }

    /** Compares the leading major.minor.patch numbers; a version that is not numeric compares as newest. */
    static int compare(String left, String right) {
        int[] a = numbers(left);
        int[] b = numbers(right);
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    private static int[] numbers(String version) {
        if (version == null) {
            return null;
        }
        String[] parts = version.trim().split("[.\\-]", 4);
        int[] numbers = new int[3];
        for (int i = 0; i < 3; i++) {
            if (i >= parts.length || parts[i].isEmpty() || !parts[i].chars().allMatch(Character::isDigit)) {
                if (i == 0) {
                    return null;
                }
                break;
            }
            try {
                numbers[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return numbers;
    }
}
