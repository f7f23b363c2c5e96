package org.inspraak.architecture;

import org.inspraak.InspraakApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Every top-level package under {@code org.inspraak} is an application module. The modules form a graph without
 * cycles and use only what other modules expose; the diagram and canvases in {@code docs/modules} are written from
 * the code by this test.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(InspraakApplication.class);

    @Test
    void modulesFormAnAcyclicGraphAndRespectEachOthersInternals() {
        MODULES.verify();
    }

    @Test
    void documentationIsWrittenFromTheCode() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
