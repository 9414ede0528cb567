package org.accord.identity.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Set;

import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout every service's access policy relies on, as architecture rules: the policy decides, the service layer
 * asks it, controllers never do.
 */
public final class AccessLayout {

    private AccessLayout() {
    }

    /** No controller depends on the policy, so none can decide who may see what. */
    public static ArchRule controllersNeverDependOn(Class<?> policy) {
        return noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().areAssignableTo(policy);
    }

    /**
     * Only the service layer asks the policy for a decision.
     *
     * @param openToAll the policy's methods anybody may call, which decide nothing (how a document is indexed)
     */
    public static ArchRule onlyAskedBy(Class<?> policy, DescribedPredicate<? super JavaClass> serviceLayer,
            String... openToAll) {
        Set<String> open = Set.of(openToAll);
        return noClasses().that(DescribedPredicate.not(serviceLayer)).and().areNotAssignableTo(policy)
                .should().callMethodWhere(DescribedPredicate.describe("a decision of the access policy",
                        call -> call.getTarget().getOwner().isAssignableTo(policy)
                                && !open.contains(call.getTarget().getName())));
    }
}
