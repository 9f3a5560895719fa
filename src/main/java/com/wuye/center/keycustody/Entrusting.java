package com.wuye.center.keycustody;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.keycustody.Entrustment.Collector;
import com.wuye.center.keycustody.internal.CustodyRepository.Acceptance;
import com.wuye.center.keycustody.internal.IdFingerprints;
import com.wuye.center.keycustody.internal.SecurityLog.Action;
import com.wuye.center.keycustody.internal.SecurityLog.Context;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DocumentNumber;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.IdDocument;
import com.wuye.center.shared.Images;
import com.wuye.center.shared.NumberSeries;
import com.wuye.center.shared.PhoneNumber;
import com.wuye.center.shared.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * A resident entrusts keys at the counter 业户托管钥匙.
 *
 * <ul>
 *   <li>CS-K1: nothing is accepted before the resident accepted, on the record, that the service
 *       center does not take responsibility for household property: the disclaimer text as shown,
 *       when, and the resident's on-screen signature or the scan of the signed paper form.
 *   <li>CS-K2: the entrustment form 《业户托管钥匙委托书》 ({@link Entrustment}): date, unit, owner (the
 *       depositing occupant, whose registered ID makes them a collector), number of keys, reason
 *       and the pickup rules (named persons with their ID, an optional window, lending).
 *   <li>CS-K3: the form gets a reference number ({@code TG20261127-0001}) and prints in two parts,
 *       one for the resident and one for the office (the page {@code keycustody/form}, staff and
 *       portal).
 * </ul>
 *
 * <p>The keys are received with their tags into the chain of custody, to be stored by {@link
 * KeyStorage}.
 */
@Service
public class Entrusting {

  private static final int MAX_NAME = 50;

  private final EstateDirectory estate;
  private final IdFingerprints ids;
  private final NumberSeries numbers;
  private final MessageSource messages;
  private final CustodyChain chain;
  private final CustodyActions actions;

  Entrusting(
      EstateDirectory estate,
      IdFingerprints ids,
      NumberSeries numbers,
      MessageSource messages,
      CustodyChain chain,
      CustodyActions actions) {
    this.estate = estate;
    this.ids = ids;
    this.numbers = numbers;
    this.messages = messages;
    this.chain = chain;
    this.actions = actions;
  }

  /** A named person allowed to collect, as typed on the form. */
  public record NamedPerson(String name, String idType, String idNumber, String phone) {
    boolean blank() {
      return isBlank(name) && isBlank(idNumber) && isBlank(phone);
    }
  }

  /**
   * The entrustment form as filled in at the counter.
   *
   * @param depositorResidentId the current occupant who deposits the keys (the "owner" of the form)
   * @param keyLabels what each key opens, in order (optional, at most keyCount)
   * @param signature the resident's on-screen signature as a PNG data URL, or
   * @param scan the signed paper form, scanned, as a data URL (PNG, JPEG or PDF)
   */
  public record Deposit(
      long unitId,
      Long depositorResidentId,
      Integer keyCount,
      List<String> keyLabels,
      String reason,
      LocalDate pickupFrom,
      LocalDate pickupUntil,
      boolean lendingAllowed,
      List<NamedPerson> collectors,
      boolean disclaimerAccepted,
      String signature,
      String scan) {}

  /** Opens an entrustment and receives its keys; returns the entrustment id. */
  public long deposit(CurrentUser user, Deposit d) {
    return actions.run(user, Action.DEPOSIT, ctx -> open(user, d, ctx));
  }

  private long open(CurrentUser user, Deposit d, Context ctx) {
    CustodyActions.requireHandler(user);
    Estate.Unit unit = estate.unitFor(user, d.unitId());
    ctx.community(unit.communityId());
    Instant now = actions.now();
    LocalDate today = CustodyActions.today(now);
    Collector owner = owner(unit, d.depositorResidentId());
    List<Collector> named = named(d.collectors());
    String ref =
        DocumentNumber.of("TG", today, numbers.next("keycustody-" + DocumentNumber.day(today)));
    Entrustment e =
        Entrustment.open(
            ref,
            unit.communityId(),
            unit.id(),
            d.depositorResidentId(),
            owner,
            named,
            new Entrustment.Terms(
                d.keyCount(),
                d.keyLabels(),
                d.reason(),
                d.pickupFrom(),
                d.pickupUntil(),
                d.lendingAllowed()),
            today,
            d.disclaimerAccepted(),
            Images.present(d.signature()) || Images.present(d.scan()));
    Acceptance acceptance = acceptance(d, now);
    long id = chain.open(e, unit.code(), acceptance, user, now);
    ctx.entrustment(unit.communityId(), id);
    List<String> codes = chain.receive(e, id, user, now);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("referenceNo", ref);
    after.put("unit", unit.code());
    after.put("owner", owner.name());
    after.put("keyCount", e.keyCount());
    after.put("keys", codes);
    after.put("reason", e.reason());
    after.put(
        "collectors", named.stream().map(c -> c.name() + " " + c.document().masked()).toList());
    after.put("pickupFrom", e.pickupFrom());
    after.put("pickupUntil", e.pickupUntil());
    after.put("lendingAllowed", e.lendingAllowed());
    after.put("disclaimerAccepted", true);
    after.put("acceptance", acceptance.kind());
    chain.recordEntrustment(id, "DEPOSITED", null, after);
    return id;
  }

  /** The depositor, a current occupant: their registered ID makes them the owner-collector. */
  private Collector owner(Estate.Unit unit, Long residentId) {
    if (residentId == null
        || estate.currentOccupants(unit.id()).stream()
            .noneMatch(o -> o.residentId() == residentId)) {
      throw DomainException.invalid("depositorResidentId", "keycustody.error.depositor");
    }
    Estate.Resident depositor =
        estate
            .resident(residentId)
            .orElseThrow(
                () -> DomainException.invalid("depositorResidentId", "keycustody.error.depositor"));
    IdFingerprint id;
    try {
      id = ids.of(IdDocument.of(depositor.idType(), depositor.idNumber()));
    } catch (DomainException e) {
      throw DomainException.ruleOn("depositorResidentId", "keycustody.error.depositorId");
    }
    return new Collector(
        null, Collector.Kind.OWNER, depositor.name(), id, depositor.phone(), null, null);
  }

  /** The named persons as typed; empty rows are skipped. */
  private List<Collector> named(List<NamedPerson> rows) {
    List<Collector> named = new ArrayList<>();
    for (int i = 0; rows != null && i < rows.size(); i++) {
      NamedPerson p = rows.get(i);
      if (p == null || p.blank()) {
        continue;
      }
      String prefix = "collectors[" + i + "].";
      String name = Text.required(prefix + "name", p.name(), MAX_NAME);
      IdFingerprint id =
          ids.parse(prefix + "idType", prefix + "idNumber", p.idType(), p.idNumber());
      String phone =
          isBlank(p.phone()) ? null : PhoneNumber.of(prefix + "phone", p.phone()).value();
      named.add(new Collector(null, Collector.Kind.NAMED, name, id, phone, null, null));
    }
    return named;
  }

  /** What the resident accepted (CS-K1): the disclaimer as shown, and the signature or scan. */
  private Acceptance acceptance(Deposit d, Instant now) {
    String disclaimer =
        messages.getMessage("keycustody.disclaimer.text", null, LocaleContextHolder.getLocale());
    if (Images.present(d.signature())) {
      return new Acceptance(
          disclaimer, now, "SIGNATURE", Images.signature("signature", d.signature()), "image/png");
    }
    Images.Document scan = Images.scan("scan", d.scan());
    return new Acceptance(disclaimer, now, "SCAN", scan.bytes(), scan.contentType());
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
