package io.hearken.intake.hotline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Reading the formats knows nothing of Kafka, Elasticsearch or the web; the call model nothing of Spring. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.hearken.intake.hotline");

    @Test
    void parsingIsFreeOfKafkaElasticsearchAndTheWeb() {
        noClasses().that().resideInAPackage("..hotline.parsing..").should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "co.elastic..",
                        "org.springframework.web..", "..hotline.publishing..", "..hotline.folder..", "..hotline.api..")
                .check(CLASSES);
    }

    @Test
    void theCallModelIsFreeOfSpring() {
        noClasses().that().resideInAPackage("..hotline.call..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..").check(CLASSES);
    }

    @Test
    void onlyTheApiKnowsTheWeb() {
        noClasses().that().resideOutsideOfPackage("..hotline.api..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..").check(CLASSES);
    }
}
