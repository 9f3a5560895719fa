package com.wuye.center.deadline.web;

import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations: run one escalation sweep now and see how long it took (administrators). */
@RestController
@Tag(name = "Deadlines 时限")
class DeadlineAdminApi {

  private final DeadlineClocks clocks;

  DeadlineAdminApi(DeadlineClocks clocks) {
    this.clocks = clocks;
  }

  record SweepTiming(int clocksChecked, int levelsFired, double millis) {}

  @PostMapping("/api/v1/admin/deadlines/sweep")
  @Operation(summary = "Run one escalation sweep now (it also runs every 30 s on one node)")
  SweepTiming sweep() {
    Actors.require().require(Role.ADMIN);
    long t = System.nanoTime();
    DeadlineClocks.SweepResult r = clocks.sweep();
    return new SweepTiming(r.clocksChecked(), r.levelsFired(), (System.nanoTime() - t) / 1e6);
  }
}
