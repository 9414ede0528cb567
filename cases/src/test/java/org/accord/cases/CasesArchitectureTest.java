package org.accord.cases;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.accord.cases.casefile.CaseService;
import org.accord.cases.access.CaseAccessPolicy;
import org.accord.identity.testing.AccessLayout;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The layout the access rules rely on: one policy decides, one service asks it, controllers never do. */
class CasesArchitectureTest {

    private static final JavaClasses CASES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.accord.cases");

    @Test
    void controllersNeverDecideWhoMaySeeWhat() {
        AccessLayout.controllersNeverDependOn(CaseAccessPolicy.class).check(CASES);
    }

    @Test
    void onlyTheCaseServiceAsksTheAccessPolicy() {
        AccessLayout.onlyAskedBy(CaseAccessPolicy.class, JavaClass.Predicates.belongToAnyOf(CaseService.class),
                "readerKeysOf").check(CASES);
    }

    @Test
    void theServiceKnowsNoOtherServicesClasses() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.accord.tasks..", "org.accord.notifications..", "org.accord.gateway..")
                .check(CASES);
    }
}
