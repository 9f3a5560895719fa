package com.wuye.center.keycustody.web;

import com.wuye.center.keycustody.KeyCustodyQueries;
import com.wuye.center.keycustody.KeyPickup;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Handing keys over at the counter ({@link KeyPickup}) in two steps: the clerk types or scans the
 * ID shown (a mismatch is refused and logged), then sees whom it belongs to, compares the ID with
 * the person, and the collector signs. The ID number travels from step to step as the typed values
 * of the form (flash), never in an address.
 */
@Controller
class PickupPages {

  private final KeyPickup pickup;
  private final KeyCustodyQueries queries;

  PickupPages(KeyPickup pickup, KeyCustodyQueries queries) {
    this.pickup = pickup;
    this.queries = queries;
  }

  public record IdShownForm(String idType, String idNumber) {}

  public record PickupForm(String idType, String idNumber, List<Long> keyIds, String signature) {

    KeyPickup.Pickup pickup() {
      if (keyIds == null || keyIds.isEmpty()) {
        throw DomainException.invalid("keyIds", "keycustody.error.noKeysChosen");
      }
      return new KeyPickup.Pickup(idType, idNumber, keyIds, signature);
    }
  }

  private static String path(long id) {
    return EntrustmentPages.path(id) + "/pickup";
  }

  /** Step 1: the ID shown is checked; on a match, the pickup page. */
  @PostMapping("/staff/keycustody/entrustments/{id}/verify")
  String verify(
      @PathVariable long id,
      @Valid IdShownForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(EntrustmentPages.path(id))
        .saved(null)
        .run(() -> verified(id, form, redirect));
  }

  /** The ID matched: it goes on to the pickup page (as flash, never in the address). */
  private String verified(long id, IdShownForm form, RedirectAttributes redirect) {
    pickup.verify(Actors.require(), id, form.idType(), form.idNumber());
    redirect.addFlashAttribute(
        "typed", Map.of("idType", form.idType(), "idNumber", form.idNumber()));
    return path(id);
  }

  /** Step 2: whom the ID belongs to, the keys to hand over, the collector's signature. */
  @GetMapping("/staff/keycustody/entrustments/{id}/pickup")
  String pickupPage(@PathVariable long id, Model model, RedirectAttributes redirect) {
    CurrentUser user = Actors.require();
    model.addAttribute("e", queries.entrustment(user, id));
    String idType = CustodyPageModel.typed(model, "idType");
    String idNumber = CustodyPageModel.typed(model, "idNumber");
    Optional<KeyPickup.Match> match =
        idNumber == null ? Optional.empty() : pickup.match(user, id, idType, idNumber);
    if (match.isEmpty()) {
      return backToEntrustment(id, model, redirect);
    }
    model.addAttribute("match", match.get());
    model.addAttribute("idType", idType);
    // shown whole to the clerk now, at the moment of matching; never stored with the records
    model.addAttribute("idNumber", idNumber.trim());
    return "keycustody/pickup";
  }

  /** No ID verified, or it no longer allows a pickup: the entrustment, with the refusal. */
  private static String backToEntrustment(long id, Model model, RedirectAttributes redirect) {
    List.of("errorKey", "errorArgs", "errorField", "typed").stream()
        .filter(model::containsAttribute)
        .forEach(k -> redirect.addFlashAttribute(k, model.getAttribute(k)));
    return "redirect:" + EntrustmentPages.path(id);
  }

  /** Step 2 done: the keys are handed over (once). */
  @PostMapping("/staff/keycustody/entrustments/{id}/pickup")
  String pickup(
      @PathVariable long id,
      @Valid PickupForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    FormSubmission submission = FormSubmission.of(binding, redirect, form).onRefusal(path(id));
    return submission.run(() -> handedOver(id, form, submission));
  }

  /** The keys were handed over: the clerk reads to whom and which. */
  private String handedOver(long id, PickupForm form, FormSubmission submission) {
    KeyPickup.PickedUp done = pickup.pickup(Actors.require(), id, form.pickup());
    submission.saved(
        "keycustody.done.pickedUp",
        done.collectorName(),
        done.keyCodes().size(),
        String.join("、", done.keyCodes()));
    return EntrustmentPages.path(id);
  }
}
