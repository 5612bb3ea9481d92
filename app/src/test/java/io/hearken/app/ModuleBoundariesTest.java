package io.hearken.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.Arrays;

/**
 * Modules talk through Kafka, not through each other's classes. The only shared code is the contract
 * ({@code io.hearken.events}, whose records carry no Spring) and the read model ({@code io.hearken.readmodel}:
 * the look-ups the channels need from the complaints index). No deployable reaches into another's classes; only
 * the all-in-one ({@code io.hearken.app}) composes them.
 */
@AnalyzeClasses(packages = "io.hearken", importOptions = {ImportOption.DoNotIncludeTests.class, NoTestJars.class})
class ModuleBoundariesTest {

    static final String[] DEPLOYABLES = {"io.hearken.intake.email..", "io.hearken.intake.web..",
            "io.hearken.intake.hotline..", "io.hearken.router..", "io.hearken.desk..", "io.hearken.notifier..",
            "io.hearken.analytics.."};

    @ArchTest
    static final ArchRule theContractRecordsHaveNoSpring = noClasses().that().resideInAPackage("io.hearken.events")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule theContractDependsOnNoModule = noClasses().that().resideInAPackage("io.hearken.events..")
            .should().dependOnClassesThat().resideInAnyPackage(DEPLOYABLES)
            .orShould().dependOnClassesThat().resideInAPackage("io.hearken.readmodel..");

    @ArchTest
    static final ArchRule theReadModelDependsOnNoDeployable = noClasses().that().resideInAPackage("io.hearken.readmodel..")
            .should().dependOnClassesThat().resideInAnyPackage(DEPLOYABLES);

    /** The channels read the read model, never analytics: an intake deployable carries no dashboard or search. */
    @ArchTest
    static final ArchRule nothingButTheAllInOneUsesAnalytics = noClasses()
            .that().resideOutsideOfPackages("io.hearken.analytics..", "io.hearken.app..")
            .should().dependOnClassesThat().resideInAPackage("io.hearken.analytics..");

    @ArchTest
    static final ArchRule deployablesDoNotUseEachOthersClasses = deployablesIndependent();

    private static ArchRule deployablesIndependent() {
        ArchRule rule = null;
        for (String deployable : DEPLOYABLES) {
            String[] others = Arrays.stream(DEPLOYABLES).filter(s -> !s.equals(deployable)).toArray(String[]::new);
            ArchRule r = noClasses().that().resideInAPackage(deployable).should().dependOnClassesThat().resideInAnyPackage(others);
            rule = rule == null ? r : CompositeArchRule.of(rule).and(r);
        }
        return rule;
    }
}
