package io.phoenixspring.live;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** No two packages of phoenix-live-view depend on each other, directly or through others: dependencies point one way. */
@AnalyzeClasses(packages = "io.phoenixspring.live", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.phoenixspring.(**)").should().beFreeOfCycles()
            .allowEmptyShould(true);
}
