package com.wuye.center.keycustody.web;

import com.wuye.center.keycustody.Entrusting;
import com.wuye.center.shared.DomainException;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * The entrustment form as typed at the counter. Refused, it comes back as the typed values (never
 * the signature or the scan: both are given again).
 *
 * @param keyLabels what each key opens, one per line
 * @param scanFile the signed paper form, scanned, instead of a signature
 */
public record DepositForm(
    Long unitId,
    Long depositorResidentId,
    Integer keyCount,
    String keyLabels,
    String reason,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate pickupFrom,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate pickupUntil,
    Boolean lendingAllowed,
    List<Person> collectors,
    Boolean disclaimerAccepted,
    String signature,
    MultipartFile scanFile) {

  /** The rows for named persons the form always shows (more when more were typed). */
  static final int ROWS = 3;

  /** A named person allowed to collect, as typed. */
  public record Person(String name, String idType, String idNumber, String phone)
      implements Serializable {

    static final Person EMPTY = new Person(null, "RESIDENT_ID", null, null);
  }

  Entrusting.Deposit deposit() {
    if (unitId == null) {
      throw DomainException.notFound("error.unit.notFound");
    }
    return new Entrusting.Deposit(
        unitId,
        depositorResidentId,
        keyCount,
        lines(keyLabels),
        reason,
        pickupFrom,
        pickupUntil,
        Boolean.TRUE.equals(lendingAllowed),
        (collectors == null ? List.<Person>of() : collectors)
            .stream()
                .map(
                    p ->
                        p == null
                            ? null
                            : new Entrusting.NamedPerson(
                                p.name(), p.idType(), p.idNumber(), p.phone()))
                .toList(),
        Boolean.TRUE.equals(disclaimerAccepted),
        signature,
        dataUrl(scanFile));
  }

  /** The named-person rows to show: what was typed, filled up to {@value #ROWS}. */
  @SuppressWarnings("unchecked")
  static List<Person> rows(Map<String, ?> typed) {
    List<Person> rows = new ArrayList<>();
    if (typed.get("collectors") instanceof List<?> typedRows) {
      typedRows.forEach(p -> rows.add(p instanceof Person person ? person : Person.EMPTY));
    }
    while (rows.size() < ROWS) {
      rows.add(Person.EMPTY);
    }
    return rows;
  }

  /** Lines of a textarea, trimmed (the aggregate ignores trailing blank lines). */
  private static List<String> lines(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    return Arrays.stream(raw.split("\\R")).map(String::trim).toList();
  }

  /** An uploaded file as a data URL (the use case checks what it really is). */
  private static String dataUrl(MultipartFile file) {
    if (file == null || file.isEmpty()) {
      return null;
    }
    try {
      return "data:application/octet-stream;base64,"
          + Base64.getEncoder().encodeToString(file.getBytes());
    } catch (IOException e) {
      throw DomainException.invalid("scan", "error.scan.format");
    }
  }
}
