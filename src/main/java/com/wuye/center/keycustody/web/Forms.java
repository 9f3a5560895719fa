package com.wuye.center.keycustody.web;

import com.wuye.center.shared.DomainException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Small helpers for the key custody pages: parsing typed values and showing refusals. */
final class Forms {

  private Forms() {}

  static LocalDate date(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(raw.trim());
    } catch (DateTimeParseException e) {
      throw DomainException.invalid(field, "error.field.date");
    }
  }

  static LocalDateTime dateTime(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(raw.trim());
    } catch (DateTimeParseException e) {
      throw DomainException.invalid(field, "error.field.format");
    }
  }

  static Integer integer(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(raw.trim());
    } catch (NumberFormatException e) {
      throw DomainException.invalid(field, "error.field.number");
    }
  }

  /** Lines of a textarea, trimmed (the aggregate ignores trailing blank lines). */
  static List<String> lines(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    return Arrays.stream(raw.split("\\R")).map(String::trim).toList();
  }

  /** Codes scanned or typed: separated by new lines, spaces or commas. */
  static List<String> tokens(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    return Arrays.stream(raw.trim().split("[\\s,，;；]+")).filter(t -> !t.isBlank()).toList();
  }

  /** An uploaded file as a data URL (the service checks what it really is). */
  static String dataUrl(MultipartFile file) {
    if (file == null || file.isEmpty()) {
      return null;
    }
    try {
      return "data:application/octet-stream;base64,"
          + Base64.getEncoder().encodeToString(file.getBytes());
    } catch (java.io.IOException e) {
      throw DomainException.invalid("scan", "keycustody.error.scanFormat");
    }
  }

  /** Puts a refusal into the flash scope for the page redirected to. */
  static void flashError(RedirectAttributes redirect, DomainException e) {
    redirect.addFlashAttribute(
        "error",
        Map.of(
            "key", e.messageKey(), "args", args(e), "field", e.field() == null ? "" : e.field()));
  }

  static Map<String, Object> error(DomainException e) {
    return Map.of(
        "key", e.messageKey(), "args", args(e), "field", e.field() == null ? "" : e.field());
  }

  private static String[] args(DomainException e) {
    return Arrays.stream(e.args()).map(String::valueOf).toArray(String[]::new);
  }
}
