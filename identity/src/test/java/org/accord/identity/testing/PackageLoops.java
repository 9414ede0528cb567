package org.accord.identity.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The packages of a module depend on each other in one direction only: a loop between two features means neither
 * can be read, changed or moved without the other.
 */
public final class PackageLoops {

    private PackageLoops() {
    }

    /** Fails, naming the classes that close the loop, when packages under {@code root} depend on each other. */
    public static void assertNoneUnder(String root) {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
        assertThat(main).as("classes under " + root).isNotEmpty();
        // a module of one package has no loops yet, and its first subpackage is held to the rule from then on
        slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(main);
    }
}
