package io.phoenixspring.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * No two packages of phoenix-web depend on each other, directly or through others. The layers, bottom up:
 * digest (no Spring: the Maven plugin runs it), session and template; conn (Plug.Conn); endpoint (its settings and
 * error rendering); plug; controller; router.
 */
@AnalyzeClasses(packages = "io.phoenixspring.web", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.phoenixspring.(**)").should().beFreeOfCycles();

    // As Plug.Conn knows nothing of Phoenix, Conn knows nothing of the endpoint, plugs, controllers or the router.
    @ArchTest
    static final ArchRule connKnowsNothingAboveIt = noClasses().that().resideInAPackage("io.phoenixspring.web.conn..")
            .should().dependOnClassesThat().resideInAnyPackage("io.phoenixspring.web.endpoint..",
                    "io.phoenixspring.web.plug..", "io.phoenixspring.web.controller..", "io.phoenixspring.web.router..");

    // phoenix-maven-plugin runs the Digester with phoenix-web's Spring, Reactor and pub/sub excluded.
    @ArchTest
    static final ArchRule digestNeedsOnlyTheJdkAndJackson = noClasses().that().resideInAPackage("io.phoenixspring.web.digest..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "tools.jackson..", "io.phoenixspring.web.digest..");
}
