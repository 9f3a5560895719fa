package com.wuye.center.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy allows no inline script, no {@code on*} handler and no style
 * attribute: no template may carry one (behaviour lives in {@code static/js}, with data
 * attributes). The browser tests catch what reaches a page; this catches every template, visited or
 * not.
 */
class TemplatesCspTests {

  private static final Pattern INLINE_SCRIPT =
      Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>");
  private static final Pattern HANDLER =
      Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
  private static final Pattern STYLE = Pattern.compile("\\s(th:)?style\\s*=|<style\\b");
  private static final Pattern JS_URL =
      Pattern.compile("(href|action|src)\\s*=\\s*\"\\s*javascript:");

  @Test
  @DisplayName("no template carries an inline script, an on* handler or a style attribute")
  void templatesNeedNothingTheCspForbids() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        String[] lines = Files.readString(p).split("\n");
        for (int i = 0; i < lines.length; i++) {
          for (Pattern forbidden : List.of(INLINE_SCRIPT, HANDLER, STYLE, JS_URL)) {
            Matcher m = forbidden.matcher(lines[i]);
            if (m.find()) {
              found.add(p + ":" + (i + 1) + ": " + lines[i].trim());
            }
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  @DisplayName("the policy forbids inline scripts and framing")
  void thePolicyIsStrict() {
    assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY)
        .contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
  }
}
