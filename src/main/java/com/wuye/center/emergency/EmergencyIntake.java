package com.wuye.center.emergency;

import com.wuye.center.emergency.EmergencyCase.Actor;
import com.wuye.center.emergency.EmergencyCase.CallerRelation;
import com.wuye.center.emergency.EmergencySteps.StepRequest;
import com.wuye.center.emergency.internal.CaseRepository;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DocumentNumber;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.NumberSeries;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CS-E1 and CS-E3, taking the call: the patient's address (the unit), a contact phone and the
 * caller are recorded at once, then the resident's choice — hospital, 120 or short-term nursing —
 * at the call or as the next step; the choice dispatches security ({@link ResidentChoice}). What
 * the caller said is kept in their words; there is no field for a diagnosis anywhere, and the
 * screens warn that staff give no medical advice (CS-E3).
 */
@Service
@Transactional
public class EmergencyIntake implements StepHandler {

  /**
   * A call: the unit (its id, or a community and the room code as people say it, 1-1-101), a
   * contact phone, the caller and, if already known, the resident's choice.
   */
  public record NewCase(
      Long communityId,
      Long unitId,
      String unitCode,
      String contactPhone,
      String callerName,
      String callerRelation,
      String callerWords,
      String choice) {}

  private final CaseRepository cases;
  private final EstateDirectory estate;
  private final NumberSeries numbers;
  private final ResidentChoice choices;
  private final CaseAudit audit;
  private final Clock clock;

  EmergencyIntake(
      CaseRepository cases,
      EstateDirectory estate,
      NumberSeries numbers,
      ResidentChoice choices,
      CaseAudit audit,
      Clock clock) {
    this.cases = cases;
    this.estate = estate;
    this.numbers = numbers;
    this.choices = choices;
    this.audit = audit;
    this.clock = clock;
  }

  /** Takes a call; with a choice, security is dispatched at once. Returns the case id. */
  public long open(CurrentUser user, NewCase in) {
    CaseAccess.requireStaff(user);
    Estate.Unit unit = resolveUnit(user, in);
    ContactPhone phone = new ContactPhone(in.contactPhone());
    CallerRelation relation =
        EnumInput.parse(
            CallerRelation.class,
            in.callerRelation(),
            "callerRelation",
            "emergency.error.relationRequired");
    EmergencyCase.Intake intake =
        new EmergencyCase.Intake(
            unit.communityId(),
            unit.id(),
            unit.label(),
            phone,
            in.callerName(),
            relation,
            in.callerWords());
    Choice choice = EnumInput.blank(in.choice()) ? null : choice(in.choice());
    Actor actor = new Actor(user.staffId(), user.displayName());
    Instant now = clock.instant();
    EmergencyCase c = EmergencyCase.open(number(now), intake, actor, now);
    cases.insert(c);
    audit.created(c);
    if (choice != null) {
      Map<String, Object> before = CaseAudit.snapshot(c);
      choose(c, choice, actor, now);
      var appended = c.newSteps();
      cases.save(c);
      audit.stepped(c, StepType.CHOICE_RECORDED, before, appended);
    } else {
      choices.awaited(c);
    }
    return c.id();
  }

  @Override
  public Set<StepType> handles() {
    return Set.of(StepType.CHOICE_RECORDED);
  }

  /** The resident's choice, recorded after the call. */
  @Override
  public void record(EmergencyCase c, StepType type, StepRequest r, Actor actor, Instant now) {
    choose(c, choice(r.choice()), actor, now);
  }

  private void choose(EmergencyCase c, Choice choice, Actor actor, Instant now) {
    choices.record(c, choice, actor, now);
  }

  private static Choice choice(String raw) {
    return EnumInput.parse(Choice.class, raw, "choice", "emergency.error.choiceRequired");
  }

  /** The case number, {@code JJ20261127-0001}, counted per day in the series "emergency-" + day. */
  private String number(Instant now) {
    LocalDate day = LocalDate.ofInstant(now, ClockConfiguration.ZONE);
    return DocumentNumber.of("JJ", day, numbers.next("emergency-" + DocumentNumber.day(day)));
  }

  private Estate.Unit resolveUnit(CurrentUser user, NewCase in) {
    if (in.unitId() != null) {
      Estate.Unit unit = estate.unitFor(user, in.unitId());
      EstateDirectory.requireSameUnit(
          unit, in.communityId(), in.unitCode() == null ? null : normaliseCode(in.unitCode()));
      return unit;
    }
    String code = normaliseCode(in.unitCode());
    if (code.isEmpty()) {
      throw DomainException.invalid("unitCode", "emergency.error.unitRequired");
    }
    Long community = in.communityId();
    if (community == null) {
      List<Estate.Community> mine = estate.communitiesFor(user);
      if (mine.size() != 1) {
        throw DomainException.invalid("communityId", "emergency.error.communityRequired");
      }
      community = mine.get(0).id();
    }
    user.requireCommunity(community);
    return estate
        .unitByCode(community, code)
        .orElseThrow(
            () -> DomainException.invalid("unitCode", "emergency.error.unitNotFound", code));
  }

  /** "1－1－101", "1 1 101", "1/1/101" → "1-1-101" (how units are coded). */
  static String normaliseCode(String raw) {
    if (raw == null) {
      return "";
    }
    return raw.strip()
        .replaceAll("[\\s\\u3000－—–_/\\\\]+", "-")
        .replaceAll("-{2,}", "-")
        .toUpperCase(Locale.ROOT);
  }
}
