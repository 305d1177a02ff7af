package org.callcentre;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModuleStructureTest {

    @Test
    void modulesDependOnEachOtherOneWayAndOnlyThroughTheirApis() {
        // ivr knows neither recording nor qa; recording reacts to ivr's events; qa reads recording's API
        ApplicationModules.of(CallCentreApplication.class).verify();
    }
}
