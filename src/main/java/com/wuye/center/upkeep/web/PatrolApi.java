package com.wuye.center.upkeep.web;

import com.wuye.center.shared.Actors;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.upkeep.PatrolAlerts;
import com.wuye.center.upkeep.PatrolQueries;
import com.wuye.center.upkeep.PatrolWalk;
import com.wuye.center.upkeep.internal.UpkeepReads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of patrol rounds (the phone's scans and readings) and missed-checkpoint alerts. */
@RestController
@Tag(name = "Upkeep 巡检保养")
class PatrolApi {

  private final PatrolWalk walk;
  private final PatrolQueries queries;
  private final PatrolAlerts alerts;
  private final Clock clock;

  PatrolApi(PatrolWalk walk, PatrolQueries queries, PatrolAlerts alerts, Clock clock) {
    this.walk = walk;
    this.queries = queries;
    this.alerts = alerts;
    this.clock = clock;
  }

  record FollowUp(Integer version, String cause, String action) {}

  @GetMapping("/api/v1/upkeep/rounds/mine")
  @Operation(summary = "The rounds of a day (default today) the user walks: named, or their team's")
  List<UpkeepReads.RoundRow> mine(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate day) {
    return queries.roundsFor(Actors.require(), day(day));
  }

  @GetMapping("/api/v1/upkeep/rounds")
  @Operation(summary = "A community's rounds of a day (default today)")
  List<UpkeepReads.RoundRow> rounds(
      @RequestParam long communityId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate day) {
    return queries.rounds(Actors.require(), communityId, day(day));
  }

  @GetMapping("/api/v1/upkeep/rounds/{id}")
  @Operation(summary = "A round with its checkpoints in walking order, visits, readings, photo ids")
  PatrolQueries.RoundView round(@PathVariable long id) {
    return queries.round(Actors.require(), id);
  }

  @PostMapping("/api/v1/upkeep/rounds/{id}/visits")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "PT-3…PT-5 Records a scanned checkpoint with one value per reading (as text: a non-number"
              + " is refused naming the reading); out-of-range values open a repair order. Refused:"
              + " a code of another community or not on this route (422), a checkpoint already"
              + " scanned in this round (409)")
  PatrolWalk.Recorded visit(@PathVariable long id, @RequestBody PatrolWalk.Visit body) {
    return walk.visit(Actors.require(), id, body, List.of());
  }

  @GetMapping("/api/v1/upkeep/alerts")
  @Operation(
      summary = "PT-6 Alerts of rounds closed with checkpoints missed (open ones by default)")
  List<UpkeepReads.AlertRow> alerts(
      @RequestParam long communityId, @RequestParam(defaultValue = "true") boolean open) {
    return queries.alerts(Actors.require(), communityId, open);
  }

  @PostMapping("/api/v1/upkeep/alerts/{id}/follow-up")
  @Operation(summary = "PT-6 A supervisor's follow-up of an alert: the cause and what was done")
  void followUp(@PathVariable long id, @RequestBody FollowUp body) {
    alerts.resolve(
        Actors.require(),
        id,
        body.version() == null ? -1 : body.version(),
        body.cause(),
        body.action());
  }

  private LocalDate day(LocalDate day) {
    return day != null ? day : LocalDate.now(clock.withZone(ClockConfiguration.ZONE));
  }
}
