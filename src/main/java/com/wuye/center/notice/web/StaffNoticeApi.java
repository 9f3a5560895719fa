package com.wuye.center.notice.web;

import com.wuye.center.notice.StaffNotices;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff notices (员工告示) for staff API clients. */
@RestController
@Tag(name = "Staff notices 员工告示")
class StaffNoticeApi {

  private final StaffNotices notices;

  StaffNoticeApi(StaffNotices notices) {
    this.notices = notices;
  }

  @GetMapping("/api/v1/staff-notices")
  @Operation(summary = "Notices I received or may follow up on, with read rates")
  Paged<StaffNotices.Row> list(
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    int[] b = Paged.bounds(page, size, 20);
    return notices.list(Actors.require(), b[0], b[1]);
  }

  @GetMapping("/api/v1/staff-notices/pending")
  @Operation(summary = "Notices I have not acknowledged yet")
  List<StaffNotices.StaffNotice> pending() {
    return notices.pending(Actors.require());
  }

  record NoticeView(
      StaffNotices.StaffNotice notice,
      StaffNotices.ReadRate readRate,
      List<StaffNotices.Reader> notRead) {}

  @GetMapping("/api/v1/staff-notices/{id}")
  @Operation(
      summary =
          "A notice, its read rate and (for its publisher and supervisors) who has not read it")
  NoticeView view(@PathVariable long id) {
    var user = Actors.require();
    var n = notices.notice(user, id);
    return new NoticeView(
        n, notices.readRate(id), notices.canFollowUp(user, n) ? notices.notRead(user, id) : null);
  }

  @PostMapping("/api/v1/staff-notices/{id}/ack")
  @Operation(summary = "I have read it")
  void ack(@PathVariable long id) {
    notices.acknowledge(Actors.require(), id);
  }
}
