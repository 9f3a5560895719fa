package com.wuye.center.upkeep.web;

import com.wuye.center.shared.Actors;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.upkeep.MaintenanceQueries;
import com.wuye.center.upkeep.MaintenanceWork;
import com.wuye.center.upkeep.TodaysWork;
import com.wuye.center.upkeep.UpkeepRates;
import com.wuye.center.upkeep.internal.TaskReads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of maintenance tasks, the user's worklist of the day, and the managers' rates. */
@RestController
@Tag(name = "Upkeep 巡检保养")
class MaintenanceApi {

  private final MaintenanceWork work;
  private final MaintenanceQueries queries;
  private final TodaysWork today;
  private final UpkeepRates rates;
  private final Clock clock;

  MaintenanceApi(
      MaintenanceWork work,
      MaintenanceQueries queries,
      TodaysWork today,
      UpkeepRates rates,
      Clock clock) {
    this.work = work;
    this.queries = queries;
    this.today = today;
    this.rates = rates;
    this.clock = clock;
  }

  record Completion(Integer version, List<MaintenanceWork.ItemAnswer> items, String note) {}

  @GetMapping("/api/v1/upkeep/tasks")
  @Operation(summary = "Tasks due within 31 days of today (open ones also when overdue)")
  List<TaskReads.TaskRow> tasks(
      @RequestParam long communityId,
      @RequestParam(defaultValue = "OPEN") MaintenanceQueries.Filter filter) {
    LocalDate d = LocalDate.now(clock.withZone(ClockConfiguration.ZONE));
    return queries.tasks(Actors.require(), communityId, d.minusDays(31), d.plusDays(31), filter);
  }

  @GetMapping("/api/v1/upkeep/tasks/{id}")
  MaintenanceQueries.TaskView task(@PathVariable long id) {
    return queries.task(Actors.require(), id);
  }

  @PostMapping("/api/v1/upkeep/tasks/{id}/completion")
  @Operation(
      summary =
          "PM-3 Done with every checklist item answered (OK, FIXED, FAULT with a note); each"
              + " fault opens a repair order; says whether it was on time (PM-5)")
  MaintenanceWork.Done complete(@PathVariable long id, @RequestBody Completion body) {
    return work.complete(
        Actors.require(),
        id,
        body.version() == null ? -1 : body.version(),
        new MaintenanceWork.Completion(body.items(), body.note()));
  }

  @GetMapping("/api/v1/upkeep/work")
  @Operation(summary = "The user's rounds and maintenance tasks of a day (default today)")
  List<TodaysWork.WorkItem> work(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate day) {
    return day == null ? today.today(Actors.require()) : today.dueFor(Actors.require(), day);
  }

  @GetMapping("/api/v1/upkeep/rates")
  @Operation(
      summary =
          "PT-7, PM-5 Patrol completion and maintenance-on-time rates of a community over a period"
              + " (default the last 30 days; supervisors and managers)")
  UpkeepRates.Rates rates(
      @RequestParam long communityId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return rates.of(Actors.require(), communityId, from, to);
  }
}
