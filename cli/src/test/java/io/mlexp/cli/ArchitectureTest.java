package io.mlexp.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module boundaries of DESIGN.md, checked on the compiled classes of every module but the plugin. */
@AnalyzeClasses(packages = "io.mlexp", importOptions = ImportOption.DoNotIncludeTests.class)
@SuppressWarnings("checkstyle:HideUtilityClassConstructor") // ArchUnit's engine reads the rules from static fields
class ArchitectureTest {
    @ArchTest
    static final ArchRule NOTHING_OUTSIDE_THE_PLUGIN_KNOWS_JENKINS = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..");

    @ArchTest
    static final ArchRule CORE_PACKAGES_HAVE_NO_CYCLES = slices().matching("io.mlexp.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule THE_CLI_HOLDS_NO_RULES = noClasses().that().resideInAPackage("io.mlexp.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jgit..", "com.fasterxml.jackson..",
                    "org.commonmark..", "org.yaml..", "ai.djl..")
            .because("rules live in core; the CLI only calls it");

    @ArchTest
    static final ArchRule CORE_DOES_NOT_KNOW_THE_CLI = noClasses().that().resideOutsideOfPackage("io.mlexp.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.mlexp.cli..", "picocli..");

    @ArchTest
    static final ArchRule ONLY_THE_ENGINE_MODULE_USES_DJL = noClasses().that().resideOutsideOfPackage("io.mlexp.engine.djl..")
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl..");
}
