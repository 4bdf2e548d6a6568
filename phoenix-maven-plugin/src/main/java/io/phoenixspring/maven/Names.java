package io.phoenixspring.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;

/** Names as mix derives them: {@code User} / {@code user}, the base package, {@code name:string} fields. */
final class Names {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private Names() {
    }

    /** {@code room} or {@code Room} -> {@code Room}; anything not a Java identifier is refused. */
    static String camel(String name, String what) throws MojoFailureException {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new MojoFailureException("-D" + what + " should be a name such as Room, got " + name);
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** {@code RoomLobby} -> {@code room_lobby}, as Phoenix names topics and paths. */
    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * The base package: {@code -Dpackage=}, else the package of the {@code @SpringBootApplication}
     * class under src/main/java (where Spring Boot scans from, so generated beans are found).
     */
    static String basePackage(String configured, Path basedir) throws MojoFailureException {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path sources = basedir.resolve("src/main/java");
        if (Files.isDirectory(sources)) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    String text = Files.readString(file);
                    if (text.contains("@SpringBootApplication")) {
                        Matcher m = PACKAGE.matcher(text);
                        if (m.find()) {
                            return m.group(1);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new MojoFailureException("No @SpringBootApplication class under " + sources + ": set the base package with -Dpackage=com.example.app");
    }

    /** A schema field, {@code name:string}: the Java type, how a param becomes it, and a sample value for tests. */
    record Field(String name, String type) {

        static List<Field> parse(String fields) throws MojoFailureException {
            List<Field> result = new ArrayList<>();
            for (String spec : fields == null ? new String[0] : fields.split(",")) {
                String[] parts = spec.strip().split(":");
                if (parts.length != 2 || !parts[0].matches("[a-z][a-z0-9_]*") || javaType(parts[1]).isEmpty()) {
                    throw new MojoFailureException("-Dfields: expected name:type with type string, text, integer, float or boolean, got \"" + spec + "\"");
                }
                result.add(new Field(parts[0], parts[1]));
            }
            if (result.isEmpty()) {
                throw new MojoFailureException("-Dfields is required, e.g. -Dfields=name:string,age:integer");
            }
            return result;
        }

        static Optional<String> javaType(String type) {
            return Optional.ofNullable(switch (type) {
                case "string", "text" -> "String";
                case "integer" -> "long";
                case "float" -> "double";
                case "boolean" -> "boolean";
                default -> null;
            });
        }

        String java() {
            return javaType(type).orElseThrow();
        }

        /** The record component's name: {@code first_name} -> {@code firstName}. */
        String property() {
            StringBuilder b = new StringBuilder();
            boolean upper = false;
            for (char c : name.toCharArray()) {
                if (c == '_') {
                    upper = true;
                } else {
                    b.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            return b.toString();
        }

        /** Java source turning {@code Object value} (a JSON value or a form string) into this type, or throwing. */
        String cast(String value) {
            return switch (type) {
                case "integer" -> "Long.parseLong(String.valueOf(" + value + ").strip())";
                case "float" -> "Double.parseDouble(String.valueOf(" + value + ").strip())";
                case "boolean" -> "Boolean.parseBoolean(String.valueOf(" + value + "))";
                default -> "String.valueOf(" + value + ")";
            };
        }

        /** A sample value as Java source: for the record and for params (a string, as a form sends it). */
        String sample(int variant) {
            return switch (type) {
                case "integer" -> String.valueOf(42 + variant);
                case "float" -> (120.5 + variant) + "";
                case "boolean" -> variant == 0 ? "true" : "false";
                default -> "\"some " + name + (variant == 0 ? "" : " updated") + "\"";
            };
        }

        String sampleParam(int variant) {
            return type.equals("string") || type.equals("text") ? sample(variant) : "\"" + sample(variant) + "\"";
        }
    }
}
