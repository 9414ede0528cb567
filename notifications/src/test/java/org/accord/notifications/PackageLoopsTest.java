package org.accord.notifications;

import org.accord.identity.testing.PackageLoops;
import org.junit.jupiter.api.Test;

class PackageLoopsTest {

    @Test
    void packagesDependOnEachOtherInOneDirection() {
        PackageLoops.assertNoneUnder("org.accord.notifications");
    }
}
