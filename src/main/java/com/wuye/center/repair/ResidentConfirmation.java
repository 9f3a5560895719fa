package com.wuye.center.repair;

import com.wuye.center.repair.internal.ConfirmationRepository;
import com.wuye.center.repair.internal.RepairRepository.Stored;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Images;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident's confirmation of a completed repair, on the portal or signing on the assigned
 * technician's phone: satisfied or not (then the order reopens), a signature, the rating (once),
 * the answers to the conduct checklist (compared with the technician's: EN-1, EN-2, EN-4, EN-5) and
 * the integrity question of EN-6, "was anything asked of you beyond the listed fee?" (a yes opens
 * an {@linkplain IntegrityCases integrity case}). A satisfied in-unit order becomes a charge for
 * the cashier (CA-4).
 */
@Service
@Transactional
public class ResidentConfirmation {

  /**
   * The resident's confirmation (portal, or signed on the technician's phone).
   *
   * @param signature the signature pad's PNG (data URL)
   * @param conduct the resident's answers to the conduct items (EN-1, EN-2, EN-4, EN-5)
   * @param extraAsked EN-6 "was anything asked of you beyond the listed fee?"
   * @param reason why not satisfied (then the order reopens)
   * @param version the order's version the confirmer saw (null: not checked)
   */
  public record Confirmation(
      Boolean satisfied,
      String signature,
      String signerName,
      Integer speed,
      Integer service,
      String comment,
      Map<ConductItem, ConductReply> conduct,
      Boolean extraAsked,
      String extraNote,
      String reason,
      Integer version) {}

  private final RepairOrders orders;
  private final ConfirmationRepository answers;
  private final RepairFees fees;
  private final Reopening reopening;
  private final IntegrityCases integrity;
  private final Clock clock;

  ResidentConfirmation(
      RepairOrders orders,
      ConfirmationRepository answers,
      RepairFees fees,
      Reopening reopening,
      IntegrityCases integrity,
      Clock clock) {
    this.orders = orders;
    this.answers = answers;
    this.fees = fees;
    this.reopening = reopening;
    this.integrity = integrity;
    this.clock = clock;
  }

  /**
   * The resident confirms: on the portal (their own order) or signing on the assigned technician's
   * phone. Satisfied: rated (once), and a charged in-unit order becomes a charge for the cashier
   * (CA-4). Not satisfied: the order reopens (counted; the original due time stands). A yes to the
   * integrity question opens a case for the managers (EN-6).
   */
  public void confirm(CurrentUser user, long id, Confirmation c) {
    Stored s = orders.load(user, id, c.version());
    RepairOrder o = s.order();
    String signer = signer(user, o, c.signerName());
    if (c.satisfied() == null) {
      throw DomainException.invalid("satisfied", "repair.error.satisfiedRequired");
    }
    boolean satisfied = c.satisfied();
    boolean rate = satisfied && !answers.rated(id);
    if (satisfied && !rate && (c.speed() != null || c.service() != null)) {
      throw DomainException.conflict("repair.error.alreadyRated", o.number());
    }
    if (c.extraAsked() == null) {
      throw DomainException.invalid("extraAsked", "repair.error.integrityQuestion");
    }
    Map<ConductItem, ConductReply> conduct = conduct(o, c.conduct());
    if (rate) {
      rating("speed", c.speed());
      rating("service", c.service());
    }
    String comment = Text.optional("comment", c.comment(), 500);
    String extraNote = Text.optional("extraNote", c.extraNote(), 500);
    byte[] signature = Images.signature("signature", c.signature());
    Map<String, Object> before = o.snapshot();
    Instant now = clock.instant();
    int round = o.round();
    var given =
        new RepairOrder.ResidentAnswers(
            conduct, c.extraAsked(), rate ? c.speed() : null, rate ? c.service() : null);
    if (satisfied) {
      o.confirm(given, now);
    } else {
      o.notSatisfied(c.reason(), given, now);
    }
    long confirmationId =
        answers.insertConfirmation(
            new ConfirmationRepository.NewConfirmation(
                id,
                round,
                satisfied,
                satisfied ? null : c.reason().trim(),
                user.isResident() ? "PORTAL" : "TECHNICIAN_DEVICE",
                user.isResident() ? user.residentId() : null,
                user.isResident() ? null : user.staffId(),
                signer,
                signature,
                c.extraAsked(),
                extraNote,
                now));
    answers.insertResidentConduct(id, round, conduct, now);
    if (rate) {
      answers.insertRating(id, c.speed(), c.service(), comment, now);
    }
    BigDecimal charge = satisfied ? fees.charge(s, now) : null;
    RepairClocks.Due due =
        satisfied ? RepairClocks.Due.UNCHANGED : reopening.reopened(s, c.reason().trim());
    orders.save(user, s, satisfied ? "CONFIRMED" : "NOT_SATISFIED", before, due, charge, now);
    if (c.extraAsked()) {
      integrity.open(o, confirmationId, extraNote, now);
    }
  }

  /** The resident on the portal (their name unless given), or a named signer on the phone. */
  private static String signer(CurrentUser user, RepairOrder o, String name) {
    if (user.isResident()) {
      String signer = Text.optional("signerName", name, 50);
      return signer == null ? RepairOrders.actorName(user) : signer;
    }
    user.require(Role.TECHNICIAN);
    RepairOrders.requireAssignee(user, o);
    return Text.required("signerName", name, 50);
  }

  /**
   * The resident's own answer to every conduct item that applies to the order (yes, no or don't
   * remember; nothing is preset): a missing one is refused naming its field ({@code
   * conduct_WORK_CARD}…), the form's name for it.
   */
  private static Map<ConductItem, ConductReply> conduct(
      RepairOrder o, Map<ConductItem, ConductReply> given) {
    Map<ConductItem, ConductReply> out = new EnumMap<>(ConductItem.class);
    for (ConductItem item : ConductItem.applicable(o.indoor())) {
      ConductReply a = given == null ? null : given.get(item);
      if (a == null) {
        throw DomainException.invalid("conduct_" + item.name(), "repair.error.conductAnswers");
      }
      out.put(item, a);
    }
    return out;
  }

  private static void rating(String field, Integer value) {
    if (value == null || value < 1 || value > 5) {
      throw DomainException.invalid(field, "repair.error.rating");
    }
  }
}
