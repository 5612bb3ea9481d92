package io.hearken.router;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.hearken.router");

    @Test
    void theDomainDoesNotDependOnSpring() {
        noClasses().that().resideInAnyPackage("io.hearken.router.classification..", "io.hearken.router.priority..",
                        "io.hearken.router.history..", "io.hearken.router.assignment..", "io.hearken.router.sla..",
                        "io.hearken.router.routing..", "io.hearken.router.streams..", "io.hearken.router.cli..", "io.hearken.router.yaml..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void theDecisionsDoNotDependOnKafka() {
        noClasses().that().resideInAnyPackage("io.hearken.router.classification..", "io.hearken.router.priority..",
                        "io.hearken.router.history..", "io.hearken.router.assignment..", "io.hearken.router.sla..",
                        "io.hearken.router.routing..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..")
                .check(classes);
    }
}
