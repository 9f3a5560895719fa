package com.wuye.center;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The areas of CONVENTIONS.md are modules; only their public faces and declared dependencies are
 * used.
 */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

  @Test
  void modulesRespectTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
