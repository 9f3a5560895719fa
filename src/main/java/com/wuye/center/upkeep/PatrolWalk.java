package com.wuye.center.upkeep;

import com.wuye.center.repair.RepairIntake;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Images;
import com.wuye.center.shared.Text;
import com.wuye.center.upkeep.internal.PatrolRepository;
import com.wuye.center.upkeep.internal.RoundRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walking a round on the phone: scan a checkpoint's QR code (camera or typed), take its readings
 * and photos, next. PT-1 a code of another community is refused; PT-3 only in the round's window,
 * only a checkpoint of this route, each once per round (the round row is locked while a visit is
 * recorded, and a unique constraint holds it even so: of two guards scanning at once one wins, the
 * other is told it was just scanned); PT-4 every reading a number, against its range, only the
 * checkpoint's own readings; PT-5 readings out of range open one repair order for the visit, with
 * the visit's photos. Nothing is stored unless all of it is.
 */
@Service
public class PatrolWalk {

  static final String AUDIT = "upkeep_round";

  private final RoundRepository rounds;
  private final PatrolRepository patrol;
  private final ScanCodes codes;
  private final UpkeepRepairs repairs;
  private final AuditTrail audit;
  private final Clock clock;

  PatrolWalk(
      RoundRepository rounds,
      PatrolRepository patrol,
      ScanCodes codes,
      UpkeepRepairs repairs,
      AuditTrail audit,
      Clock clock) {
    this.rounds = rounds;
    this.patrol = patrol;
    this.codes = codes;
    this.repairs = repairs;
    this.audit = audit;
    this.clock = clock;
  }

  /** How the code was read: the phone's camera, or typed from the label. */
  public enum Method {
    CAMERA,
    TYPED
  }

  /** A reading as sent: which one of the checkpoint's, and the value as typed. */
  public record Reading(Long specId, String value) {}

  /** A checkpoint visit as sent from the phone. */
  public record Visit(String code, Method method, List<Reading> readings, String note) {}

  /** A scanned checkpoint, ready for its readings. */
  public record Scanned(
      long roundId, Checkpoint checkpoint, int position, int visited, int planned) {}

  /** A reading out of its range, and the order it opened. */
  public record OutOfRange(String label, BigDecimal value, String unit, String range) {}

  /** What a recorded visit did. */
  public record Recorded(
      long visitId,
      String checkpointName,
      PatrolRound.Status roundStatus,
      int visited,
      int planned,
      List<OutOfRange> outOfRange,
      Long repairOrderId,
      String repairOrderNumber) {}

  /** Checks a scanned code against the round before its readings are taken (nothing stored). */
  @Transactional(readOnly = true)
  public Scanned scan(CurrentUser user, long roundId, String code) {
    PatrolRound round = rounds.require(roundId);
    UpkeepAccess.walk(user, round);
    Checkpoint c = checkpoint(round, code);
    PatrolRound.Stop stop = round.checkScan(c.id(), c.name(), clock.instant());
    return new Scanned(roundId, c, stop.position(), round.visits().size(), round.stops().size());
  }

  /** Records a checkpoint visit with its readings and photos. */
  @Transactional
  public Recorded visit(CurrentUser user, long roundId, Visit v, List<RepairIntake.Photo> photos) {
    return visit(user, roundId, v, photos, clock.instant());
  }

  /**
   * Records a visit at a given moment (the demo's rounds of the last days), in the caller's
   * transaction.
   */
  Recorded visit(
      CurrentUser user, long roundId, Visit v, List<RepairIntake.Photo> photos, Instant now) {
    PatrolRound round = rounds.lock(roundId);
    UpkeepAccess.walk(user, round);
    if (v == null) {
      throw DomainException.invalid("code", "upkeep.error.codeRequired");
    }
    Checkpoint c = checkpoint(round, v.code());
    round.checkScan(c.id(), c.name(), now);
    Map<ReadingSpec, BigDecimal> values = values(c, v.readings());
    String note = Text.optional("note", v.note(), 500);
    List<RepairIntake.Photo> files = photos == null ? List.of() : photos;
    if (files.size() > Images.MAX_PHOTOS) {
      throw DomainException.invalid("photos", "upkeep.error.tooManyPhotos", Images.MAX_PHOTOS);
    }
    List<String> types = files.stream().map(p -> Images.photoType("photos", p.bytes())).toList();
    round.visit(c.id(), c.name(), user.staffId(), now);
    long visitId;
    try {
      visitId =
          rounds.insertVisit(
              roundId,
              c.id(),
              now,
              user.staffId(),
              (v.method() == null ? Method.TYPED : v.method()).name(),
              note);
    } catch (DuplicateKeyException e) {
      throw new DomainException(
          DomainException.Kind.CONFLICT, "upkeep.error.alreadyScanned", "code", c.name());
    }
    List<UpkeepRepairs.OutOfRange> out = new ArrayList<>();
    values.forEach(
        (spec, value) -> {
          if (!spec.inRange(value)) {
            out.add(new UpkeepRepairs.OutOfRange(spec, value));
          }
        });
    UpkeepRepairs.Opened order = out.isEmpty() ? null : repairs.forReadings(user, c, out, files);
    values.forEach(
        (spec, value) -> {
          boolean in = spec.inRange(value);
          rounds.insertReading(
              visitId,
              spec.id(),
              value,
              spec.min(),
              spec.max(),
              in,
              in ? null : order.id(),
              in ? null : order.number());
        });
    for (int i = 0; i < files.size(); i++) {
      rounds.insertPhoto(visitId, types.get(i), files.get(i).bytes());
    }
    rounds.save(round);
    audit.record(AUDIT, roundId, "CHECKPOINT_VISITED", null, after(c, values, order, round));
    return new Recorded(
        visitId,
        c.name(),
        round.status(),
        round.visits().size(),
        round.stops().size(),
        out.stream()
            .map(
                o -> new OutOfRange(o.spec().label(), o.value(), o.spec().unit(), o.spec().range()))
            .toList(),
        order == null ? null : order.id(),
        order == null ? null : order.number());
  }

  /** PT-1: the checkpoint a code labels, of the round's community. */
  private Checkpoint checkpoint(PatrolRound round, String code) {
    ScanCodes.Target t = codes.resolveIn(round.communityId(), code);
    if (t.kind() != ScanCode.Kind.CHECKPOINT) {
      throw DomainException.ruleOn("code", "upkeep.error.notACheckpoint", t.name());
    }
    return patrol.requireCheckpoint(t.id());
  }

  /** PT-4: one number for each of the checkpoint's readings, and none of another checkpoint. */
  private static Map<ReadingSpec, BigDecimal> values(Checkpoint c, List<Reading> readings) {
    Map<ReadingSpec, BigDecimal> values = new LinkedHashMap<>();
    List<Reading> typed = readings == null ? List.of() : readings;
    for (int i = 0; i < typed.size(); i++) {
      Reading r = typed.get(i);
      String field = "readings[" + i + "]";
      ReadingSpec spec = r == null || r.specId() == null ? null : c.spec(r.specId()).orElse(null);
      if (spec == null) {
        throw DomainException.invalid(field + ".specId", "upkeep.error.readingNotHere", c.name());
      }
      if (values.containsKey(spec)) {
        throw DomainException.invalid(field + ".specId", "upkeep.error.readingTwice", spec.label());
      }
      values.put(spec, spec.parse(field + ".value", r.value()));
    }
    for (ReadingSpec spec : c.specs()) {
      if (!values.containsKey(spec)) {
        throw DomainException.invalid(
            "readings[" + (spec.position() - 1) + "].value",
            "upkeep.error.readingRequired",
            spec.label(),
            spec.unit());
      }
    }
    return values;
  }

  private static Map<String, Object> after(
      Checkpoint c,
      Map<ReadingSpec, BigDecimal> values,
      UpkeepRepairs.Opened order,
      PatrolRound r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("checkpoint", c.code().value());
    Map<String, String> readings = new LinkedHashMap<>();
    values.forEach((s, v) -> readings.put(s.label(), v.toPlainString() + " " + s.unit()));
    m.put("readings", readings);
    m.put("repairOrder", order == null ? null : order.number());
    m.put("status", r.status().name());
    m.put("visited", r.visits().size());
    return m;
  }
}
