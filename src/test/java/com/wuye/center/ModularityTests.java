package com.wuye.center;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The areas of CONVENTIONS.md are modules; only their public faces and declared dependencies are
 * used. The build also documents them: Spring Modulith's diagrams and canvases in {@code
 * target/spring-modulith-docs}, and the committed pages of {@code docs/architecture/} (module
 * graph, where each norm lives), which must match the code: after a change, regenerate them with
 * {@code ./mvnw test -Dtest=ModularityTests -Ddocs.update=true} and commit them.
 */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(Application.class);
  static final Path DOCS = Path.of("docs", "architecture");

  @Test
  void modulesRespectTheirBoundaries() {
    MODULES.verify();
  }

  /**
   * The C4 component diagram of all modules and one diagram per module (PlantUML). Not the module
   * canvases: Modulith 2.0.3 reads the javadoc for them with Spring Boot's BasicJsonParser, which
   * breaks on a bracket inside a javadoc text (e.g. "[start, end)"); the committed modules.md lists
   * what a canvas would (dependencies, events).
   */
  @Test
  void writesModuleDiagrams() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    assertThat(Path.of("target", "spring-modulith-docs", "components.puml")).exists();
  }

  @Test
  void committedArchitectureDocsMatchTheCode() throws IOException {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("modules.md", ArchitectureDocs.modules(MODULES));
    pages.put(
        "norms.md",
        ArchitectureDocs.norms(Path.of("src", "main", "java"), Path.of("src", "test", "java")));
    boolean update = Boolean.getBoolean("docs.update");
    for (var page : pages.entrySet()) {
      Path file = DOCS.resolve(page.getKey());
      if (update) {
        Files.createDirectories(DOCS);
        Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
      }
      String committed =
          Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(missing)";
      assertThat(committed.replace("\r\n", "\n"))
          .as(
              "%s is stale: run ./mvnw test -Dtest=ModularityTests -Ddocs.update=true and commit it",
              file)
          .isEqualTo(page.getValue());
    }
  }
}
