package io.hearken.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The architecture rules ({@code @ArchTest} fields) run on this JUnit platform and a broken rule fails: an ArchUnit
 * engine that the platform did not find, or that swallowed failures, would leave every architecture test silently
 * green. Runs the ArchUnit engine as surefire does, on a class with one rule that holds and one that cannot.
 */
class ArchitectureRulesRunTest {

    @Test
    void aBrokenRuleFailsAndARuleThatHoldsPasses() {
        EngineTestKit.engine("archunit").selectors(selectClass(DeliberatelyBrokenRules.class)).execute().testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
    }

    @Test
    void theModuleBoundariesAreCheckedByTheSameEngine() {
        EngineTestKit.engine("archunit").selectors(selectClass(ModuleBoundariesTest.class)).execute().testEvents()
                .assertStatistics(stats -> stats.failed(0).succeeded(5));
    }

    /** Not a test of its own (surefire runs classes named *Test): ArchitectureRulesRunTest runs it. */
    @AnalyzeClasses(packages = "io.hearken.app", importOptions = ImportOption.DoNotIncludeTests.class)
    static class DeliberatelyBrokenRules {

        @ArchTest
        static final ArchRule holds = noClasses().should().dependOnClassesThat().resideInAPackage("java.awt..");

        @ArchTest
        static final ArchRule cannotHold = classes().that().resideInAPackage("io.hearken.app")
                .should().haveSimpleNameEndingWith("NoClassIsCalledThis");
    }
}
