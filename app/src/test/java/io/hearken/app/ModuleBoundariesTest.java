package io.hearken.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Modules talk through Kafka, not through each other's classes. The only shared code is the contract
 * ({@code io.hearken.events}) and the analytics read API; the contract's records carry no Spring.
 */
@AnalyzeClasses(packages = "io.hearken", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    static final String[] SERVICES = {"io.hearken.intake.email..", "io.hearken.intake.web..",
            "io.hearken.intake.hotline..", "io.hearken.router..", "io.hearken.desk..", "io.hearken.notifier.."};

    @ArchTest
    static final ArchRule theContractRecordsHaveNoSpring = noClasses().that().resideInAPackage("io.hearken.events")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule theContractDependsOnNoModule = noClasses().that().resideInAPackage("io.hearken.events..")
            .should().dependOnClassesThat().resideInAnyPackage(SERVICES)
            .orShould().dependOnClassesThat().resideInAPackage("io.hearken.analytics..");

    @ArchTest
    static final ArchRule otherModulesUseOnlyTheAnalyticsReadApi = noClasses()
            .that().resideOutsideOfPackage("io.hearken.analytics..")
            .should().dependOnClassesThat(resideInAPackage("io.hearken.analytics..")
                    .and(not(resideInAnyPackage("io.hearken.analytics.lookup..", "io.hearken.analytics.indexing.."))));

    @ArchTest
    static final ArchRule servicesDoNotUseEachOthersClasses = servicesIndependent();

    private static ArchRule servicesIndependent() {
        ArchRule rule = null;
        for (String service : SERVICES) {
            String[] others = java.util.Arrays.stream(SERVICES).filter(s -> !s.equals(service)).toArray(String[]::new);
            ArchRule r = noClasses().that().resideInAPackage(service).should().dependOnClassesThat().resideInAnyPackage(others);
            rule = rule == null ? r : com.tngtech.archunit.lang.CompositeArchRule.of(rule).and(r);
        }
        return rule;
    }
}
