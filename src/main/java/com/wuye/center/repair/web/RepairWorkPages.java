package com.wuye.center.repair.web;

import com.wuye.center.repair.ConductItem;
import com.wuye.center.repair.Dispatching;
import com.wuye.center.repair.ExtraFees;
import com.wuye.center.repair.RepairFeePolicy;
import com.wuye.center.repair.ReturnVisit;
import com.wuye.center.repair.TechnicianVisit;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The actions on the staff order page, each one form: dispatch and reassign, the technician's steps
 * (accept, arrive with the checklist, pause and resume, complete with listed fees, unlisted items),
 * a supervisor's decision on an unlisted item, the return visit and cancelling. Each goes back to
 * the order page, with the message of what happened.
 */
@Controller
class RepairWorkPages {

  private final Dispatching dispatching;
  private final TechnicianVisit visit;
  private final ExtraFees extraFees;
  private final ReturnVisit returnVisit;

  RepairWorkPages(
      Dispatching dispatching,
      TechnicianVisit visit,
      ExtraFees extraFees,
      ReturnVisit returnVisit) {
    this.dispatching = dispatching;
    this.visit = visit;
    this.extraFees = extraFees;
    this.returnVisit = returnVisit;
  }

  record DispatchForm(Long technicianId, String reason, Integer version) {}

  record ChecklistForm(List<ConductItem> checklist) {
    Set<ConductItem> ticked() {
      return checklist == null ? Set.of() : Set.copyOf(checklist);
    }
  }

  record PauseForm(String cause, String note) {}

  /**
   * Completion: the checklist, the fee rows as parallel lists ({@code priceItemId} and {@code
   * quantity} in the form), and a note.
   */
  record CompleteForm(
      List<ConductItem> checklist,
      @BindParam("priceItemId") List<String> feeItems,
      @BindParam("quantity") List<String> feeQuantities,
      String note) {

    TechnicianVisit.Completion command() {
      Set<ConductItem> ticked = checklist == null ? Set.of() : Set.copyOf(checklist);
      return new TechnicianVisit.Completion(ticked, fees(), note);
    }

    /** The filled fee rows; a row with a quantity but no item is refused. */
    List<RepairFeePolicy.Requested> fees() {
      List<RepairFeePolicy.Requested> out = new ArrayList<>();
      int rows = feeItems == null ? 0 : feeItems.size();
      for (int i = 0; i < rows; i++) {
        String item = feeItems.get(i);
        String q = feeQuantities != null && i < feeQuantities.size() ? feeQuantities.get(i) : null;
        if (blank(item) && blank(q)) {
          continue;
        }
        if (blank(item)) {
          throw DomainException.invalid("fees", "repair.error.notListed");
        }
        try {
          out.add(
              new RepairFeePolicy.Requested(
                  Long.valueOf(item.trim()), blank(q) ? null : new BigDecimal(q.trim())));
        } catch (NumberFormatException e) {
          throw DomainException.invalid("fees", "error.field.number");
        }
      }
      return out;
    }

    private static boolean blank(String s) {
      return s == null || s.isBlank();
    }
  }

  record ExtraFeeForm(String item, String unit, BigDecimal quantity, String reason) {
    ExtraFees.ExtraFee command() {
      return new ExtraFees.ExtraFee(item, unit, quantity, reason);
    }
  }

  record DecisionForm(Boolean approve, BigDecimal unitPrice, String note) {}

  record ReturnVisitForm(String channel, Boolean satisfied, String note, Integer version) {}

  record CancelForm(String reason, Integer version) {}

  @PostMapping("/staff/repairs/{id}/dispatch")
  String dispatch(
      @PathVariable long id, @Valid DispatchForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .run(
            order(id),
            () -> dispatching.dispatch(Actors.require(), id, f.technicianId(), f.version()));
  }

  @PostMapping("/staff/repairs/{id}/reassign")
  String reassign(
      @PathVariable long id, @Valid DispatchForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .run(
            order(id),
            () ->
                dispatching.reassign(
                    Actors.require(), id, f.technicianId(), f.reason(), f.version()));
  }

  @PostMapping("/staff/repairs/{id}/accept")
  String accept(@PathVariable long id, RedirectAttributes r) {
    return FormSubmission.of(r).run(order(id), () -> visit.accept(Actors.require(), id, null));
  }

  @PostMapping("/staff/repairs/{id}/arrive")
  String arrive(
      @PathVariable long id, @Valid ChecklistForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .run(order(id), () -> visit.arrive(Actors.require(), id, f.ticked(), null));
  }

  @PostMapping("/staff/repairs/{id}/pause")
  String pause(@PathVariable long id, @Valid PauseForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .run(order(id), () -> visit.pause(Actors.require(), id, f.cause(), f.note(), null));
  }

  @PostMapping("/staff/repairs/{id}/resume")
  String resume(@PathVariable long id, RedirectAttributes r) {
    return FormSubmission.of(r).run(order(id), () -> visit.resume(Actors.require(), id, null));
  }

  @PostMapping("/staff/repairs/{id}/complete")
  String complete(
      @PathVariable long id, @Valid CompleteForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .run(order(id), () -> visit.complete(Actors.require(), id, f.command(), null));
  }

  @PostMapping("/staff/repairs/{id}/extra-fees")
  String extraFee(
      @PathVariable long id, @Valid ExtraFeeForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .run(order(id), () -> extraFees.request(Actors.require(), id, f.command(), null));
  }

  @PostMapping("/staff/repairs/{id}/extra-fees/{lineId}")
  String decide(
      @PathVariable long id,
      @PathVariable long lineId,
      @Valid DecisionForm f,
      BindingResult b,
      RedirectAttributes r) {
    boolean approve = Boolean.TRUE.equals(f.approve());
    return FormSubmission.of(b, r, f)
        .run(
            order(id),
            () ->
                extraFees.decide(
                    Actors.require(), id, lineId, approve, f.unitPrice(), f.note(), null));
  }

  @PostMapping("/staff/repairs/{id}/return-visit")
  String returnVisit(
      @PathVariable long id, @Valid ReturnVisitForm f, BindingResult b, RedirectAttributes r) {
    var report = new ReturnVisit.Report(f.channel(), f.satisfied(), f.note());
    return FormSubmission.of(b, r, f)
        .run(order(id), () -> returnVisit.record(Actors.require(), id, report, f.version()));
  }

  @PostMapping("/staff/repairs/{id}/cancel")
  String cancel(@PathVariable long id, @Valid CancelForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .run(order(id), () -> dispatching.cancel(Actors.require(), id, f.reason(), f.version()));
  }

  private static String order(long id) {
    return "/staff/repairs/" + id;
  }
}
