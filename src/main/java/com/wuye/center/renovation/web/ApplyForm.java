package com.wuye.center.renovation.web;

import com.wuye.center.renovation.RenovationIntake;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * The application form as typed, at the desk (a unit of a community by its code, who applies) or on
 * the portal (one of the resident's units). Refused, it comes back as typed (never the files: they
 * are chosen again).
 */
record ApplyForm(
    Long communityId,
    String unitCode,
    Long unitId,
    String applicantName,
    String applicantPhone,
    String company,
    String foremanName,
    String foremanPhone,
    List<WorkerForm> workers,
    List<String> scope,
    String description,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
    Boolean rulesAccepted,
    List<MultipartFile> drawings,
    List<MultipartFile> photos,
    String idempotencyKey) {

  /** The worker rows the form always shows (more when more were typed). */
  static final int ROWS = 3;

  /** A worker as typed. */
  record WorkerForm(String name, String idType, String idNumber, String phone)
      implements Serializable {
    static final WorkerForm EMPTY = new WorkerForm(null, "RESIDENT_ID", null, null);
  }

  RenovationIntake.Request request(Long unit) {
    return new RenovationIntake.Request(
        unit,
        applicantName,
        applicantPhone,
        company,
        foremanName,
        foremanPhone,
        (workers == null ? List.<WorkerForm>of() : workers)
            .stream()
                .map(
                    w ->
                        w == null
                            ? null
                            : new RenovationIntake.WorkerRow(
                                w.name(), w.idType(), w.idNumber(), w.phone()))
                .toList(),
        scope,
        description,
        startDate,
        endDate,
        rulesAccepted);
  }

  /** The worker rows to show: what was typed, filled up to {@value #ROWS}. */
  static List<WorkerForm> rows(Map<String, ?> typed) {
    List<WorkerForm> rows = new ArrayList<>();
    if (typed != null && typed.get("workers") instanceof List<?> typedRows) {
      typedRows.forEach(w -> rows.add(w instanceof WorkerForm f ? f : WorkerForm.EMPTY));
    }
    while (rows.size() < ROWS) {
      rows.add(WorkerForm.EMPTY);
    }
    return rows;
  }
}
