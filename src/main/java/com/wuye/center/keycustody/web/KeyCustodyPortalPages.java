package com.wuye.center.keycustody.web;

import com.wuye.center.keycustody.KeyCustodyQueries;
import com.wuye.center.keycustody.KeyPickup;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.web.FormSubmission;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The resident's view: their entrusted keys, who may collect them, every movement; the depositor
 * can revoke a named person, with effect at once, and print their copy of the form.
 */
@Controller
class KeyCustodyPortalPages {

  private final KeyPickup pickup;
  private final KeyCustodyQueries queries;

  KeyCustodyPortalPages(KeyPickup pickup, KeyCustodyQueries queries) {
    this.pickup = pickup;
    this.queries = queries;
  }

  @GetMapping("/portal/keycustody")
  String mine(Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("entrustments", queries.forResident(user));
    model.addAttribute("residentId", user.residentId());
    return "keycustody/portal";
  }

  @PostMapping("/portal/keycustody/collectors/{id}/revoke")
  String revoke(@PathVariable long id, RedirectAttributes redirect) {
    return FormSubmission.of(redirect)
        .saved("keycustody.done.revoked")
        .run("/portal/keycustody", () -> pickup.revoke(Actors.require(), id));
  }

  @GetMapping("/portal/keycustody/entrustments/{id}/form")
  String printForm(@PathVariable long id, Model model) {
    model.addAttribute("e", queries.entrustment(Actors.require(), id));
    model.addAttribute("acceptanceUrl", "/portal/keycustody/entrustments/" + id + "/acceptance");
    model.addAttribute("backUrl", "/portal/keycustody");
    return "keycustody/form";
  }

  @GetMapping("/portal/keycustody/entrustments/{id}/acceptance")
  ResponseEntity<byte[]> acceptance(@PathVariable long id) {
    return EntrustmentPages.image(queries.acceptance(Actors.require(), id));
  }
}
