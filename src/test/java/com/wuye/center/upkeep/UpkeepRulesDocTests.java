package com.wuye.center.upkeep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The upkeep rules of docs/norms/UPKEEP.md and the tests that name them. */
class UpkeepRulesDocTests {

  static final Pattern RULE = Pattern.compile("\\b(PT|PM)-\\d+\\b");
  static final Pattern DEFINED =
      Pattern.compile("^- \\*\\*((?:PT|PM)-\\d+)\\*\\*", Pattern.MULTILINE);
  static final Pattern DISPLAY_NAME = Pattern.compile("@DisplayName\\(\\s*\"([^\"]*)\"");

  @Test
  @DisplayName(
      "Every rule PT-… and PM-… of docs/norms/UPKEEP.md is named by a test, and the tests name no rule missing there")
  void everyRuleIsDocumentedAndTested() throws IOException {
    Set<String> defined = new TreeSet<>();
    Matcher d = DEFINED.matcher(Files.readString(Path.of("docs/norms/UPKEEP.md")));
    while (d.find()) {
      defined.add(d.group(1));
    }
    Set<String> named = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("src/test/java/com/wuye/center/upkeep"))) {
      for (Path f : files.filter(p -> p.toString().endsWith("Tests.java")).toList()) {
        Matcher n = DISPLAY_NAME.matcher(Files.readString(f));
        while (n.find()) {
          Matcher id = RULE.matcher(n.group(1));
          while (id.find()) {
            named.add(id.group());
          }
        }
      }
    }
    assertThat(defined).hasSizeGreaterThanOrEqualTo(12);
    assertThat(named).containsExactlyInAnyOrderElementsOf(defined);
  }
}
