package org.accord.tasks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.accord.identity.testing.AccessLayout;
import org.accord.tasks.access.ActionAccessPolicy;
import org.accord.tasks.action.ActionAccess;
import org.accord.tasks.cases.CaseReaders;
import org.accord.tasks.cases.CasesClient;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the layout honest: tasks talks to other services over HTTP only, and decides access in one place. */
@AnalyzeClasses(packages = "org.accord.tasks", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noOtherServicesCode = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.accord.cases..", "org.accord.notifications..", "org.accord.gateway..");

    @ArchTest
    static final ArchRule onlyThePolicyAsksWhoSeesACase = noClasses()
            .that().doNotBelongToAnyOf(ActionAccessPolicy.class)
            .and().resideOutsideOfPackage("org.accord.tasks.cases..")
            .should().dependOnClassesThat().belongToAnyOf(CasesClient.class, CaseReaders.class);

    @ArchTest
    static final ArchRule controllersNeverDecideWhoMaySeeWhat = AccessLayout.controllersNeverDependOn(
            ActionAccess.class);

    @ArchTest
    static final ArchRule onlyTheActionServiceAsksTheAccessPolicy = AccessLayout.onlyAskedBy(ActionAccess.class,
            HasName.Predicates.name("org.accord.tasks.action.ActionService"));

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes().that().areAnnotatedWith(RestController.class)
            .should().notBePublic();
}
