package io.phoenixspring.channels;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * No two packages of phoenix-channels depend on each other, directly or through others: message
 * values at the bottom, serializers on them, the socket and channel APIs, the runtime (server),
 * then the transports and the endpoint that mounts them.
 */
@AnalyzeClasses(packages = "io.phoenixspring.channels", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.phoenixspring.(**)").should().beFreeOfCycles();
}
