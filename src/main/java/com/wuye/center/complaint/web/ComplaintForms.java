package com.wuye.center.complaint.web;

import com.wuye.center.complaint.Complaint;
import com.wuye.center.complaint.ComplaintClosing.CloseInput;
import com.wuye.center.complaint.ComplaintIntake.NewComplaint;
import com.wuye.center.complaint.ComplaintIntake.PortalComplaint;
import com.wuye.center.complaint.ComplaintSteps.StepInput;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Paged;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The page forms of complaints as records, bound by Spring MVC ({@code @Valid}, a value of the
 * wrong type refused with its field named); the domain checks the rest. Field names are the HTML
 * form's.
 */
public final class ComplaintForms {

  private ComplaintForms() {}

  /** The staff list's filter: a community, OPEN (default), CLOSED or ALL, a search, a page. */
  public record Filter(Long community, String status, String q, Integer page) {

    /** The status to show; null for all. */
    public Complaint.Status state() {
      return "CLOSED".equals(status)
          ? Complaint.Status.CLOSED
          : "ALL".equals(status) ? null : Complaint.Status.OPEN;
    }

    /** The status as the filter shows it. */
    public String shown() {
      return state() == null ? "ALL" : state().name();
    }

    public int pageIndex() {
      return Paged.bounds(page, 20, 20)[0];
    }
  }

  /** CS-C1 intake by customer service: the unit by community and code. */
  public record Intake(
      Long communityId,
      String unitCode,
      Complaint.Channel channel,
      String categoryCode,
      String contactName,
      String contactPhone,
      String words) {
    public NewComplaint command() {
      return new NewComplaint(
          communityId, null, unitCode, channel, categoryCode, contactName, contactPhone, words);
    }
  }

  /** A resident files a complaint from the portal. */
  public record Filing(Long unitId, String categoryCode, String words, String contactPhone) {
    public PortalComplaint command() {
      return new PortalComplaint(unitId, categoryCode, words, contactPhone);
    }
  }

  /** One of the eight steps; step 8 with the lesson's audience (the company or communities). */
  public record Step(
      String text,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime promisedAt,
      Boolean satisfied,
      String noticeTitle,
      String whatChanges,
      String audience,
      List<Long> communityIds,
      Integer version) {
    public StepInput input(int step) {
      Instant promised =
          promisedAt == null ? null : promisedAt.atZone(ClockConfiguration.ZONE).toInstant();
      return new StepInput(
          text,
          promised,
          satisfied,
          noticeTitle,
          whatChanges,
          step == 8 ? lessonAudience() : null,
          version);
    }

    private Set<Long> lessonAudience() {
      if (!"COMMUNITIES".equals(audience)) {
        return Set.of();
      }
      if (communityIds == null || communityIds.isEmpty()) {
        throw DomainException.invalid("communityIds", "complaint.error.communitiesRequired");
      }
      return new LinkedHashSet<>(communityIds);
    }
  }

  /** CS-8.8 not applicable, by a supervisor, with the reason. */
  public record Waiver(String reason, Integer version) {}

  public record Escalate(Long supervisorStaffId, String reason) {}

  public record RepairRequest(String description) {}

  public record RepairLink(String repairNumber, String note) {}

  public record Department(Long departmentId, String description) {}

  public record Close(
      Complaint.Outcome outcome,
      String explanation,
      String referralBody,
      String referralContact,
      Boolean residentTold,
      String thanks,
      Integer version) {
    public CloseInput input() {
      return new CloseInput(
          outcome, explanation, referralBody, referralContact, residentTold, thanks, version);
    }
  }

  public record NewCategory(String code, String name, String nameEn, Integer sortOrder) {}

  public record CategorySwitch(boolean active, int version) {}
}
