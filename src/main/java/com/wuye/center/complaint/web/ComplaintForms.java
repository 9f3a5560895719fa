package com.wuye.center.complaint.web;

import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.DomainException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns form fields into values, refusing bad ones with the field named. */
final class ComplaintForms {

  private ComplaintForms() {}

  /** A datetime-local field ("2026-11-28T18:00", China time); blank → null. */
  static Instant instant(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(raw.strip()).atZone(ClockConfiguration.ZONE).toInstant();
    } catch (DateTimeParseException e) {
      throw DomainException.invalid(field, "complaint.error.dateTimeFormat");
    }
  }

  /** "true"/"false" radio buttons; nothing chosen → null. */
  static Boolean bool(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return Boolean.valueOf(raw.strip());
  }

  static Integer integer(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(raw.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Long id(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(raw.strip());
    } catch (NumberFormatException e) {
      throw DomainException.invalid(field, "error.field.number");
    }
  }

  /** The audience of a lesson notice: the whole company (empty) or chosen communities. */
  static Set<Long> audience(String audience, List<Long> communityIds) {
    if (!"COMMUNITIES".equals(audience)) {
      return Set.of();
    }
    if (communityIds == null || communityIds.isEmpty()) {
      throw DomainException.invalid("communityIds", "complaint.error.communitiesRequired");
    }
    return new LinkedHashSet<>(communityIds);
  }
}
