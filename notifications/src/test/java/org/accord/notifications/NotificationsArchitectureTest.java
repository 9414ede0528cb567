package org.accord.notifications;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.accord.identity.testing.AccessLayout;
import org.accord.notifications.access.NotificationAccessPolicy;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layout the access rules rely on: one policy decides, the services ask it, controllers never do. */
@AnalyzeClasses(packages = "org.accord.notifications", importOptions = ImportOption.DoNotIncludeTests.class)
class NotificationsArchitectureTest {

    @ArchTest
    static final ArchRule controllersNeverDecideWhoMaySeeWhat = AccessLayout.controllersNeverDependOn(
            NotificationAccessPolicy.class);

    /** The inbox, partner settings, delivery log and event intake services, and the fan-out's disclosure checks. */
    @ArchTest
    static final ArchRule onlyTheServicesAskTheAccessPolicy = AccessLayout.onlyAskedBy(NotificationAccessPolicy.class,
            CanBeAnnotated.Predicates.<JavaClass>annotatedWith(Service.class)
                    .or(CanBeAnnotated.Predicates.annotatedWith(Component.class)));

    @ArchTest
    static final ArchRule noOtherServicesCode = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.accord.cases..", "org.accord.tasks..", "org.accord.gateway..");
}
