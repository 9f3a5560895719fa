package com.wuye.center.upkeep.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.web.FormSubmission;
import com.wuye.center.upkeep.PatrolQueries;
import com.wuye.center.upkeep.PatrolWalk;
import com.wuye.center.upkeep.RoundCancelling;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Patrols on the phone (375 px first): the rounds of a day, a round with its checkpoints in order,
 * scanning a checkpoint (camera or typed code) and recording its readings and photos.
 */
@Controller
class PatrolPages {

  private final PatrolWalk walk;
  private final PatrolQueries queries;
  private final RoundCancelling cancelling;
  private final CommunityChoice communities;
  private final Clock clock;

  PatrolPages(
      PatrolWalk walk,
      PatrolQueries queries,
      RoundCancelling cancelling,
      CommunityChoice communities,
      Clock clock) {
    this.walk = walk;
    this.queries = queries;
    this.cancelling = cancelling;
    this.communities = communities;
    this.clock = clock;
  }

  record CancelForm(Integer version, String reason) {}

  @GetMapping("/staff/upkeep/rounds")
  String rounds(
      @RequestParam(required = false) Long community,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      Model model) {
    CurrentUser user = Actors.require();
    Estate.Community c = communities.choose(user, community, model);
    LocalDate d =
        day == null
            ? LocalDate.now(clock.withZone(com.wuye.center.shared.ClockConfiguration.ZONE))
            : day;
    model.addAttribute("day", d);
    model.addAttribute("rows", queries.rounds(user, c.id(), d));
    return "upkeep/rounds";
  }

  @GetMapping("/staff/upkeep/rounds/{id}")
  String round(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    PatrolQueries.RoundView v = queries.round(user, id);
    communities.choose(user, v.round().communityId(), model);
    model.addAttribute("v", v);
    model.addAttribute("r", v.round());
    return "upkeep/round";
  }

  /** A scanned or typed code: the checkpoint's readings form, or back to the round with why not. */
  @GetMapping("/staff/upkeep/rounds/{id}/scan")
  String scan(
      @PathVariable long id,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) PatrolWalk.Method method,
      Model model,
      RedirectAttributes redirect) {
    CurrentUser user = Actors.require();
    try {
      model.addAttribute("s", walk.scan(user, id, code));
    } catch (DomainException e) {
      FormSubmission.refused(redirect, e, Map.of("code", code == null ? "" : code));
      return "redirect:/staff/upkeep/rounds/" + id;
    }
    model.addAttribute("method", method == null ? PatrolWalk.Method.TYPED : method);
    model.addAttribute("typed", CommunityChoice.typed(model, Map.of()));
    return "upkeep/scan";
  }

  @PostMapping("/staff/upkeep/rounds/{id}/visits")
  String visit(
      @PathVariable long id,
      @Valid VisitForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(scanPage(id, form))
        .saved(null)
        .run(
            () ->
                recorded(
                    redirect, walk.visit(Actors.require(), id, form.visit(), form.files()), id));
  }

  @PostMapping("/staff/upkeep/rounds/{id}/cancel")
  String cancel(
      @PathVariable long id, @Valid CancelForm form, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, form)
        .run(
            "/staff/upkeep/rounds/" + id,
            () ->
                cancelling.cancel(
                    Actors.require(),
                    id,
                    form.version() == null ? -1 : form.version(),
                    form.reason()));
  }

  @GetMapping("/staff/upkeep/photos/{id}")
  org.springframework.http.ResponseEntity<byte[]> photo(@PathVariable long id) {
    var p = queries.photo(Actors.require(), id);
    return org.springframework.http.ResponseEntity.ok()
        .contentType(org.springframework.http.MediaType.parseMediaType(p.contentType()))
        .header("X-Content-Type-Options", "nosniff")
        .body(p.content());
  }

  private static String recorded(RedirectAttributes redirect, PatrolWalk.Recorded r, long id) {
    if (r.repairOrderNumber() != null) {
      FormSubmission.saved(
          redirect, "upkeep.visit.repairOpened", r.checkpointName(), r.repairOrderNumber());
    } else {
      FormSubmission.saved(
          redirect, "upkeep.visit.recorded", r.checkpointName(), r.visited(), r.planned());
    }
    return "/staff/upkeep/rounds/" + id;
  }

  private static String scanPage(long id, VisitForm form) {
    String code =
        form.code() == null
            ? ""
            : java.net.URLEncoder.encode(form.code(), java.nio.charset.StandardCharsets.UTF_8);
    return "/staff/upkeep/rounds/"
        + id
        + "/scan?code="
        + code
        + "&method="
        + (form.method() == null ? "TYPED" : form.method());
  }
}
