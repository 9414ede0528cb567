package org.accord.cases;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.accord.cases.casefile.CaseService;
import org.accord.cases.access.CaseAccessPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.base.DescribedPredicate;
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
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().areAssignableTo(CaseAccessPolicy.class)
                .check(CASES);
    }

    @Test
    void onlyTheCaseServiceAsksTheAccessPolicy() {
        noClasses().that().doNotBelongToAnyOf(CaseService.class, CaseAccessPolicy.class)
                .should().callMethodWhere(DescribedPredicate.describe("a decision of the access policy",
                        call -> call.getTarget().getOwner().isEquivalentTo(CaseAccessPolicy.class)
                                && !call.getTarget().getName().equals("audienceOf")))
                .check(CASES);
    }

    @Test
    void theServiceKnowsNoOtherServicesClasses() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.accord.tasks..", "org.accord.notifications..", "org.accord.gateway..")
                .check(CASES);
    }
}
