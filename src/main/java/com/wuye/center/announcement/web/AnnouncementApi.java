package com.wuye.center.announcement.web;

import com.wuye.center.announcement.AnnouncementApproval;
import com.wuye.center.announcement.AnnouncementQueries;
import com.wuye.center.announcement.AnnouncementWriting;
import com.wuye.center.announcement.PortalAnnouncements;
import com.wuye.center.shared.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Community announcements: write, approve, read counts (staff); what runs now (residents). */
@RestController
@Tag(name = "Announcement 公告")
class AnnouncementApi {

  private final AnnouncementQueries queries;
  private final AnnouncementWriting writing;
  private final AnnouncementApproval approval;
  private final PortalAnnouncements portal;

  AnnouncementApi(
      AnnouncementQueries queries,
      AnnouncementWriting writing,
      AnnouncementApproval approval,
      PortalAnnouncements portal) {
    this.queries = queries;
    this.writing = writing;
    this.approval = approval;
    this.portal = portal;
  }

  /** An announcement to write for a community. */
  record WriteRequest(@NotNull Long communityId, @Valid @NotNull AnnouncementWriting.Draft draft) {}

  /** A decision: the version as read, and the reason when rejecting. */
  record DecisionRequest(Integer version, String reason) {}

  @GetMapping("/api/v1/announcements")
  @Operation(summary = "A community's announcements, newest first")
  List<AnnouncementQueries.Summary> list(@RequestParam long community) {
    return queries.list(Actors.require(), community);
  }

  @PostMapping("/api/v1/announcements")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Write an announcement and submit it for a supervisor's approval")
  Map<String, Long> write(@Valid @RequestBody WriteRequest r) {
    return Map.of("id", writing.write(Actors.require(), r.communityId(), r.draft()));
  }

  @GetMapping("/api/v1/announcements/{id}")
  @Operation(summary = "One announcement with its read counts per building")
  AnnouncementQueries.Detail detail(@PathVariable long id) {
    return queries.detail(Actors.require(), id);
  }

  @PostMapping("/api/v1/announcements/{id}/approve")
  @Operation(summary = "Approve (a supervisor or manager who did not write it)")
  void approve(@PathVariable long id, @RequestBody DecisionRequest r) {
    approval.approve(Actors.require(), id, r.version());
  }

  @PostMapping("/api/v1/announcements/{id}/reject")
  @Operation(summary = "Reject with a reason")
  void reject(@PathVariable long id, @RequestBody DecisionRequest r) {
    approval.reject(Actors.require(), id, r.reason(), r.version());
  }

  @PostMapping("/api/v1/announcements/{id}/withdraw")
  @Operation(summary = "Withdraw an approved announcement; messages not yet sent are cancelled")
  void withdraw(@PathVariable long id, @RequestBody DecisionRequest r) {
    approval.withdraw(Actors.require(), id, r.version());
  }

  @GetMapping("/api/v1/portal/announcements")
  @Operation(summary = "What runs now for my buildings, with my read state")
  List<PortalAnnouncements.Item> running() {
    return portal.running(Actors.require());
  }

  @PostMapping("/api/v1/portal/announcements/{id}/read")
  @Operation(summary = "Open one (counted once per resident)")
  PortalAnnouncements.Item open(@PathVariable long id) {
    return portal.open(Actors.require(), id);
  }
}
