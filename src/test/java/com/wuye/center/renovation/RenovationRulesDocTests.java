package com.wuye.center.renovation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The renovation rules of docs/norms/RENOVATION.md and the tests that name them. */
class RenovationRulesDocTests {

  static final Pattern ROW =
      Pattern.compile("^\\| (RN-\\d+) \\|.*\\| ([^|]*) \\|$", Pattern.MULTILINE);
  static final Pattern TEST = Pattern.compile("`(\\w+Tests)`");
  static final Pattern RULE = Pattern.compile("\\bRN-\\d+\\b");
  static final Pattern DISPLAY_NAME = Pattern.compile("@DisplayName\\(\\s*\"([^\"]*)\"");

  @Test
  @DisplayName(
      "Every renovation rule of docs/norms/RENOVATION.md lists exactly the tests that name it, and the tests name no rule missing there")
  void everyRuleIsDocumentedWithItsTests() throws IOException {
    Map<String, Set<String>> documented = new TreeMap<>();
    Matcher row = ROW.matcher(Files.readString(Path.of("docs/norms/RENOVATION.md")));
    while (row.find()) {
      Set<String> tests = new TreeSet<>();
      Matcher t = TEST.matcher(row.group(2));
      while (t.find()) {
        tests.add(t.group(1));
      }
      documented.put(row.group(1), tests);
    }
    Map<String, Set<String>> named = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("src/test/java/com/wuye/center/renovation"))) {
      for (Path f : files.filter(p -> p.toString().endsWith("Tests.java")).toList()) {
        String test = f.getFileName().toString().replace(".java", "");
        Matcher n = DISPLAY_NAME.matcher(Files.readString(f));
        while (n.find()) {
          Matcher id = RULE.matcher(n.group(1));
          while (id.find()) {
            named.computeIfAbsent(id.group(), k -> new TreeSet<>()).add(test);
          }
        }
      }
    }
    assertThat(documented).hasSize(15);
    assertThat(named).isEqualTo(documented);
  }
}
