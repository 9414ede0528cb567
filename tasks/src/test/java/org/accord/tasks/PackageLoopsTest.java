package org.accord.tasks;

import org.accord.identity.testing.PackageLoops;
import org.junit.jupiter.api.Test;

class PackageLoopsTest {

    @Test
    void packagesDependOnEachOtherInOneDirection() {
        PackageLoops.assertNoneUnder("org.accord.tasks");
    }
}
