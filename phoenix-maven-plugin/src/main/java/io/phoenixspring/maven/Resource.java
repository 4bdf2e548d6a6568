package io.phoenixspring.maven;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;

/**
 * What gen.json, gen.html and gen.live share: {@code -Dcontext=Accounts -Dschema=User -Dplural=users
 * -Dfields=name:string,age:integer} as bindings, and the context and schema files (kept when the
 * context exists, as mix reuses a context).
 */
final class Resource {

    final String context;
    final String schema;
    final String plural;
    final List<Names.Field> fields;
    final String basePackage;
    final String contextPackage;

    Resource(String basePackage, String context, String schema, String plural, String fields) throws MojoFailureException {
        this.basePackage = basePackage;
        this.context = Names.camel(context, "context");
        this.schema = Names.camel(schema, "schema");
        if (plural == null || !plural.matches("[a-z][a-z0-9_]*")) {
            throw new MojoFailureException("-Dplural should be the plural in snake case, such as users, got " + plural);
        }
        this.plural = plural;
        this.fields = Names.Field.parse(fields);
        this.contextPackage = basePackage + "." + Names.snake(this.context).replace("_", "");
    }

    Generator bindings(Generator gen) {
        String pluralCamel = camelOf(plural);
        return gen.bind("Context", context).bind("context", lowerFirst(context)).bind("context_package", contextPackage)
                .bind("Schema", schema).bind("schema", lowerFirst(schema)).bind("schema_snake", Names.snake(schema))
                .bind("plural", lowerFirst(pluralCamel)).bind("plural_path", plural).bind("Plural", pluralCamel)
                .bind("PLURAL", plural.toUpperCase(java.util.Locale.ROOT))
                .bind("field_list", fields.stream().map(f -> f.name() + " (" + f.type() + ")").collect(Collectors.joining(", ")))
                .bind("record_components", fields.stream().map(f -> f.java() + " " + f.property()).collect(Collectors.joining(", ")))
                .bind("cast_fields", fields.stream().map(f -> "        Object " + f.property() + " = cast(attrs, \"" + f.name()
                        + "\", v -> " + f.cast("v") + ", errors);").collect(Collectors.joining("\n")))
                .bind("constructor_args", fields.stream().map(f -> "(" + boxed(f.java()) + ") " + f.property()).collect(Collectors.joining(", ")))
                .bind("to_map", fields.stream().map(f -> "        map.put(\"" + f.name() + "\", " + f.property() + ");").collect(Collectors.joining("\n")))
                .bind("sample_attrs", attrs(0, false))
                .bind("create_attrs", attrs(0, false)).bind("update_attrs", attrs(1, false))
                .bind("create_json", attrs(0, true)).bind("update_json", attrs(1, true))
                .bind("invalid_attrs", fields.stream().map(f -> "\"" + f.name() + "\", \"\"").collect(Collectors.joining(", ")))
                .bind("expect_created", expect(0)).bind("expect_updated", expect(1))
                .bind("first_field", fields.get(0).name())
                .bind("first_sample", fields.get(0).sample(0).replace("\"", ""))
                .bind("first_sample_updated", fields.get(0).sample(1).replace("\"", ""));
    }

    /** The context and the schema, unless the context exists (then it is reused as it is). */
    Generator contextFiles(Generator gen, java.nio.file.Path basedir) {
        String dir = "src/main/java/" + contextPackage.replace('.', '/') + "/";
        if (java.nio.file.Files.exists(basedir.resolve(dir + context + ".java"))) {
            return gen;
        }
        return gen.file(dir + context + ".java", "Context.java.tmpl").file(dir + schema + ".java", "Schema.java.tmpl");
    }

    /** Params as Java source for {@code Map.of(...)}: form strings, or JSON values ({@code json}). */
    private String attrs(int variant, boolean json) {
        return fields.stream().map(f -> "\"" + f.name() + "\", " + (json ? f.sample(variant) : f.sampleParam(variant)))
                .collect(Collectors.joining(", "));
    }

    /** AssertJ's {@code .containsEntry(..)} for each field's sample, as the JSON response reads it back. */
    private String expect(int variant) {
        return fields.stream().map(f -> ".containsEntry(\"" + f.name() + "\", " + f.sample(variant) + ")").collect(Collectors.joining(""));
    }

    static String boxed(String type) {
        return switch (type) {
            case "long" -> "Long";
            case "double" -> "Double";
            case "boolean" -> "Boolean";
            default -> type;
        };
    }

    static String camelOf(String snake) {
        StringBuilder b = new StringBuilder();
        for (String part : snake.split("_")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.toString();
    }

    static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
