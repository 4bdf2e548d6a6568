package io.phoenixspring.maven;

import org.apache.maven.plugins.annotations.Parameter;

/**
 * The options gen.json, gen.html and gen.live share, as mix's {@code Context Schema plural fields...}:
 * {@code -Dcontext=Accounts -Dschema=User -Dplural=users -Dfields=name:string,age:integer}.
 */
abstract class AbstractResourceMojo extends AbstractGenMojo {

    /** The context (a module of functions in Phoenix, a class here), e.g. {@code Accounts}. */
    @Parameter(property = "context", required = true)
    String context;

    /** The schema, a record, e.g. {@code User}. */
    @Parameter(property = "schema", required = true)
    String schema;

    /** The plural in snake case, the path and the table name in Phoenix, e.g. {@code users}. */
    @Parameter(property = "plural", required = true)
    String plural;

    /** The fields, {@code name:type,...} with type string, text, integer, float or boolean. */
    @Parameter(property = "fields", required = true)
    String fields;

    /** @return the resource these options describe, in the base package */
    Resource resource(String basePackage) throws org.apache.maven.plugin.MojoFailureException {
        return new Resource(basePackage, context, schema, plural, fields);
    }
}
