package com.wuye.center.upkeep.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.web.FormSubmission;
import com.wuye.center.shared.web.QrCodes;
import com.wuye.center.upkeep.Checkpoint;
import com.wuye.center.upkeep.Equipment;
import com.wuye.center.upkeep.EquipmentQueries;
import com.wuye.center.upkeep.PatrolQueries;
import com.wuye.center.upkeep.ScanCodes;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * PT-1: QR labels to print (equipment and checkpoints: the code, the name, the place — never an
 * internal id), the QR images, and a scanned label opened (a code of another community refused).
 */
@Controller
class LabelPages {

  private final ScanCodes codes;
  private final EquipmentQueries equipment;
  private final PatrolQueries patrol;
  private final CommunityChoice communities;

  LabelPages(
      ScanCodes codes,
      EquipmentQueries equipment,
      PatrolQueries patrol,
      CommunityChoice communities) {
    this.codes = codes;
    this.equipment = equipment;
    this.patrol = patrol;
    this.communities = communities;
  }

  /** One label: the code its QR encodes, what it names and where. */
  record Label(String code, String title, String place) {}

  @GetMapping("/staff/upkeep/qr/{code}")
  ResponseEntity<byte[]> qr(@PathVariable String code) {
    ScanCodes.Target t = codes.resolve(Actors.require(), code);
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .cacheControl(CacheControl.noCache().cachePrivate())
        .body(QrCodes.robustPng(t.code().value(), 240));
  }

  /** A label scanned with the phone (or typed): opens what it labels. */
  @GetMapping("/staff/upkeep/scan")
  String scan(@RequestParam(required = false) String code, RedirectAttributes redirect) {
    try {
      return "redirect:" + codes.resolve(Actors.require(), code).link();
    } catch (DomainException e) {
      FormSubmission.refused(redirect, e, Map.of("code", code == null ? "" : code));
      return "redirect:/staff/upkeep";
    }
  }

  @GetMapping("/staff/upkeep/equipment/labels")
  String equipmentLabels(@RequestParam(required = false) Long community, Model model) {
    CurrentUser user = Actors.require();
    Estate.Community c = communities.choose(user, community, model);
    List<Label> labels =
        equipment.list(user, c.id(), null, null).stream()
            .filter(e -> e.status() != Equipment.Status.RETIRED)
            .map(e -> new Label(e.code(), e.name(), e.location()))
            .toList();
    return labels(labels, "/staff/upkeep/equipment?community=" + c.id(), model);
  }

  @GetMapping("/staff/upkeep/equipment/{id}/label")
  String equipmentLabel(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    var v = equipment.view(user, id);
    communities.choose(user, v.equipment().communityId(), model);
    var e = v.row();
    return labels(
        List.of(new Label(e.code(), e.name(), e.location())), EquipmentPages.item(id), model);
  }

  @GetMapping("/staff/upkeep/routes/{id}/labels")
  String routeLabels(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    PatrolQueries.RouteView v = patrol.route(user, id);
    communities.choose(user, v.route().communityId(), model);
    return labels(
        v.checkpoints().stream().map(LabelPages::label).toList(), RoutePages.route(id), model);
  }

  @GetMapping("/staff/upkeep/checkpoints/labels")
  String checkpointLabels(@RequestParam(required = false) Long community, Model model) {
    CurrentUser user = Actors.require();
    Estate.Community c = communities.choose(user, community, model);
    return labels(
        patrol.checkpoints(user, c.id()).stream().map(LabelPages::label).toList(),
        "/staff/upkeep/routes?community=" + c.id(),
        model);
  }

  private static Label label(Checkpoint c) {
    return new Label(c.code().value(), c.name(), c.location());
  }

  private static String labels(List<Label> labels, String back, Model model) {
    model.addAttribute("labels", labels);
    model.addAttribute("back", back);
    return "upkeep/labels";
  }
}
