package com.wuye.center.repair.web;

import com.wuye.center.repair.Dispatching;
import com.wuye.center.repair.RepairOrder;
import com.wuye.center.repair.RepairQueries;
import com.wuye.center.repair.RepairViews;
import com.wuye.center.repair.web.RepairJson.BoardJson;
import com.wuye.center.repair.web.RepairJson.RowJson;
import com.wuye.center.repair.web.RepairJson.TechnicianJson;
import com.wuye.center.shared.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dispatching over the API: the board (S2), the technicians to pick from, dispatch and reassign
 * (with the version seen: 409 if someone was faster), and cancelling (residents too, on their
 * portal path).
 */
@RestController
@Tag(name = "Repair 报修")
class RepairDispatchApi {

  private final RepairQueries queries;
  private final Dispatching dispatching;

  RepairDispatchApi(RepairQueries queries, Dispatching dispatching) {
    this.queries = queries;
    this.dispatching = dispatching;
  }

  record Dispatch(Long technicianId, String reason, Integer version) {}

  @Schema(name = "RepairCancellation")
  record Reason(String reason, Integer version) {}

  @GetMapping("/api/v1/repairs/board")
  @Operation(
      summary =
          "S2 The dispatch board: open orders of a community, emergencies first, by due time;"
              + " pass `next` as `after` for the next page")
  BoardJson board(
      @RequestParam Long communityId,
      @RequestParam(required = false) Long buildingId,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) RepairOrder.Status status,
      @RequestParam(required = false) Long technicianId,
      @RequestParam(required = false) Boolean emergency,
      @RequestParam(required = false) String after,
      @RequestParam(required = false) Integer size) {
    var page =
        queries.board(
            Actors.require(),
            new RepairViews.BoardFilter(
                communityId, buildingId, category, status, technicianId, emergency, after, size));
    return new BoardJson(
        page.rows().stream().map(r -> RowJson.of(r, page.now())).toList(), page.next());
  }

  @GetMapping("/api/v1/repairs/technicians")
  List<TechnicianJson> technicians(@RequestParam long communityId) {
    return dispatching.technicians(Actors.require(), communityId).stream()
        .map(m -> new TechnicianJson(m.id(), m.name(), m.onDuty()))
        .toList();
  }

  @PostMapping("/api/v1/repairs/{id}/dispatch")
  @Operation(summary = "Dispatch to a technician; `version` required (409 if someone was faster)")
  void dispatch(@PathVariable long id, @RequestBody Dispatch body) {
    dispatching.dispatch(Actors.require(), id, body.technicianId(), body.version());
  }

  @PostMapping("/api/v1/repairs/{id}/reassign")
  void reassign(@PathVariable long id, @RequestBody Dispatch body) {
    dispatching.reassign(Actors.require(), id, body.technicianId(), body.reason(), body.version());
  }

  @PostMapping({"/api/v1/portal/repairs/{id}/cancel", "/api/v1/repairs/{id}/cancel"})
  void cancel(@PathVariable long id, @RequestBody Reason body) {
    dispatching.cancel(Actors.require(), id, body.reason(), body.version());
  }
}
