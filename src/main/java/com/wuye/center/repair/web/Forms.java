package com.wuye.center.repair.web;

import com.wuye.center.repair.ConductItem;
import com.wuye.center.repair.RepairFeePolicy;
import com.wuye.center.repair.RepairService;
import com.wuye.center.shared.DomainException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Small helpers of the repair pages: refusals shown above the form, with what was typed kept. */
final class Forms {

  /** The buildings of each community, for the report forms' location pickers. */
  static Map<Long, List<com.wuye.center.estate.Estate.Building>> buildingsByCommunity(
      com.wuye.center.estate.EstateDirectory estate,
      List<com.wuye.center.estate.Estate.Community> communities) {
    Map<Long, List<com.wuye.center.estate.Estate.Building>> out = new LinkedHashMap<>();
    communities.forEach(c -> out.put(c.id(), estate.buildings(c.id())));
    return out;
  }

  private Forms() {}

  /** Shows a refusal after the redirect, keeping the typed values (never the signature). */
  static void refused(RedirectAttributes redirect, DomainException e, Map<String, ?> typed) {
    redirect.addFlashAttribute("errorKey", e.messageKey());
    redirect.addFlashAttribute(
        "errorArgs", Arrays.stream(e.args()).map(String::valueOf).toArray(String[]::new));
    redirect.addFlashAttribute("errorField", e.field());
    Map<String, Object> kept = new LinkedHashMap<>(typed);
    kept.remove("signature");
    kept.remove("_csrf");
    redirect.addFlashAttribute("typed", kept);
  }

  static Integer integer(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw DomainException.invalid(field, "error.field.number");
    }
  }

  static Long number(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw DomainException.invalid(field, "error.field.number");
    }
  }

  static BigDecimal decimal(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      throw DomainException.invalid(field, "error.field.number");
    }
  }

  static Boolean bool(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return Boolean.valueOf(value.trim());
  }

  static LocalDateTime dateTime(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw DomainException.invalid(field, "error.field.date");
    }
  }

  /**
   * Fee rows of the completion form: parallel lists of item ids and quantities; blank rows skipped.
   */
  static List<RepairFeePolicy.Requested> fees(List<String> itemIds, List<String> quantities) {
    List<RepairFeePolicy.Requested> out = new ArrayList<>();
    if (itemIds == null) {
      return out;
    }
    for (int i = 0; i < itemIds.size(); i++) {
      String item = itemIds.get(i);
      String q = quantities != null && i < quantities.size() ? quantities.get(i) : null;
      if ((item == null || item.isBlank()) && (q == null || q.isBlank())) {
        continue;
      }
      if (item == null || item.isBlank()) {
        throw DomainException.invalid("fees", "repair.error.notListed");
      }
      out.add(new RepairFeePolicy.Requested(number("fees", item), decimal("fees", q)));
    }
    return out;
  }

  /** The confirmation form (portal or the technician's phone) as a command. */
  static RepairService.Confirmation confirmation(Map<String, String> p) {
    Map<ConductItem, Boolean> conduct = new EnumMap<>(ConductItem.class);
    for (ConductItem item : ConductItem.values()) {
      Boolean answer = bool(p.get("conduct_" + item.name()));
      if (answer != null) {
        conduct.put(item, answer);
      }
    }
    return new RepairService.Confirmation(
        bool(p.get("satisfied")),
        p.get("signature"),
        p.get("signerName"),
        integer("speed", p.get("speed")),
        integer("service", p.get("service")),
        p.get("comment"),
        conduct,
        bool(p.get("extraAsked")),
        p.get("extraNote"),
        p.get("reason"));
  }
}
