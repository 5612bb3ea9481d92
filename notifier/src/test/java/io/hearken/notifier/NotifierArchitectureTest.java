package io.hearken.notifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The notifier's feature packages depend on each other without cycles and on no other service module. */
@AnalyzeClasses(packages = "io.hearken.notifier", importOptions = ImportOption.DoNotIncludeTests.class)
class NotifierArchitectureTest {

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("io.hearken.notifier.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyTheContractFromOtherModules = noClasses().that().resideInAPackage("io.hearken.notifier..")
            .should().dependOnClassesThat().resideInAnyPackage("io.hearken.router..", "io.hearken.desk..",
                    "io.hearken.intake..", "io.hearken.analytics..", "io.hearken.embedded..");
}
