package com.wuye.center.upkeep.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.web.FormSubmission;
import com.wuye.center.upkeep.PatrolAlerts;
import com.wuye.center.upkeep.PatrolQueries;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** PT-6: alerts of missed checkpoints and the supervisor's follow-up. */
@Controller
class AlertPages {

  private final PatrolAlerts alerts;
  private final PatrolQueries queries;
  private final CommunityChoice communities;

  AlertPages(PatrolAlerts alerts, PatrolQueries queries, CommunityChoice communities) {
    this.alerts = alerts;
    this.queries = queries;
    this.communities = communities;
  }

  record FollowUpForm(Integer version, String cause, String action) {}

  @GetMapping("/staff/upkeep/alerts")
  String list(
      @RequestParam(required = false) Long community,
      @RequestParam(defaultValue = "true") boolean open,
      Model model) {
    CurrentUser user = Actors.require();
    Estate.Community c = communities.choose(user, community, model);
    model.addAttribute("rows", queries.alerts(user, c.id(), open));
    model.addAttribute("open", open);
    return "upkeep/alerts";
  }

  @GetMapping("/staff/upkeep/alerts/{id}")
  String view(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    PatrolQueries.AlertView v = queries.alert(user, id);
    communities.choose(user, v.alert().communityId(), model);
    model.addAttribute("v", v);
    model.addAttribute("a", v.alert());
    model.addAttribute("typed", CommunityChoice.typed(model, java.util.Map.of()));
    return "upkeep/alert";
  }

  @PostMapping("/staff/upkeep/alerts/{id}/follow-up")
  String followUp(
      @PathVariable long id, @Valid FollowUpForm form, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, form)
        .run(
            "/staff/upkeep/alerts/" + id,
            () ->
                alerts.resolve(
                    Actors.require(),
                    id,
                    form.version() == null ? -1 : form.version(),
                    form.cause(),
                    form.action()));
  }
}
