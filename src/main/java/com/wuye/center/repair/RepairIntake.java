package com.wuye.center.repair;

import com.wuye.center.repair.internal.RepairRepository;
import com.wuye.center.repair.internal.RepairRepository.Stored;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake: a resident reports on the portal, staff log what they hear on the phone, at the desk or
 * on patrol, and a complaint's corrective action asks for an order (CS-8.6); photos are added while
 * the order is open. The order's clocks start at reporting (EN-3, {@link RepairClocks}); an
 * emergency also starts the arrival clock and tells the technicians on duty at once.
 *
 * <p>Two entry points: {@link #report} for a request of its own (the busiest path: the number is
 * taken in its own short transaction before the intake transaction opens, so a request never holds
 * two pooled connections), and {@link #reportInTransaction} for callers already inside a
 * transaction (demo data, {@link RepairsForComplaints}).
 */
@Service
public class RepairIntake {

  /** An idempotency key: what a client sends so that a retry never creates a second order. */
  private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_-]{8,64}$");

  /**
   * A repair as reported. Inside a unit: {@code unitId}. A common area: {@code communityId}, a
   * {@code location} (e.g. "3栋 电梯厅") and optionally the {@code buildingId}.
   *
   * @param channel PHONE, VISIT or PATROL for staff (default PHONE); residents always PORTAL
   * @param preferredVisitAt the resident's preferred visit time, China local time
   */
  public record NewRepair(
      Long unitId,
      Long communityId,
      Long buildingId,
      String location,
      String category,
      String description,
      Boolean emergency,
      String channel,
      String contactName,
      String contactPhone,
      LocalDateTime preferredVisitAt) {}

  /** An uploaded photo: its bytes decide its type, not its name. */
  public record Photo(String filename, byte[] bytes) {}

  /**
   * The order as reported.
   *
   * @param replayed true when a retry with the same idempotency key found the first order
   */
  public record Reported(
      long id,
      String number,
      long communityId,
      Instant dueAt,
      Instant arriveDueAt,
      boolean replayed) {}

  private final IntakeTransaction intake;
  private final RepairNumbers numbers;
  private final RepairRepository repo;
  private final RepairOrders orders;
  private final Clock clock;

  RepairIntake(
      IntakeTransaction intake,
      RepairNumbers numbers,
      RepairRepository repo,
      RepairOrders orders,
      Clock clock) {
    this.intake = intake;
    this.numbers = numbers;
    this.repo = repo;
    this.orders = orders;
    this.clock = clock;
  }

  /**
   * Reports a repair in transactions of its own (call with none open): the day's number first, in
   * its own short transaction (unique, not gap-free, so simultaneous reports do not queue on the
   * counter row), then one intake transaction. With an idempotency key, a retry by the same
   * reporter returns the first order (one indexed lookup; the unique constraint decides a race).
   *
   * @param idempotencyKey 8–64 letters, digits, '-' or '_', or null
   */
  @Transactional(propagation = Propagation.NEVER)
  public Reported report(CurrentUser user, NewRepair r, List<Photo> photos, String idempotencyKey) {
    String key = key(idempotencyKey);
    if (key != null) {
      Optional<Reported> first = first(user, key);
      if (first.isPresent()) {
        return first.get();
      }
    }
    String number = numbers.nextUnique(clock.instant());
    try {
      return intake.write(user, r, photos, null, key, () -> number);
    } catch (DuplicateKeyException e) {
      if (key == null) {
        throw e;
      }
      // the same key at the same moment: the first report won; answer with its order
      return first(user, key).orElseThrow(() -> e);
    }
  }

  /** Reports a repair inside the caller's transaction; the number is taken in it too. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Reported reportInTransaction(CurrentUser user, NewRepair r, List<Photo> photos) {
    return intake.write(user, r, photos, null, null, () -> numbers.next(clock.instant()));
  }

  /**
   * A repair order a complaint's corrective action asked for (CS-8.6), logged for the staff member
   * who asked, in the complaint's transaction; it shows the complaint's number. One order per
   * request (a unique constraint).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Reported reportForComplaint(
      CurrentUser requester,
      long unitId,
      String description,
      RepairRepository.ComplaintRef complaint) {
    String text = description == null ? "" : description.strip();
    NewRepair r =
        new NewRepair(
            unitId,
            null,
            null,
            "投诉 " + complaint.complaintNumber(),
            "OTHER",
            text.length() > 1000 ? text.substring(0, 1000) : text,
            false,
            null,
            null,
            null,
            null);
    return intake.write(
        requester, r, List.of(), complaint, null, () -> numbers.next(clock.instant()));
  }

  /** Adds photos to an open order (the reporter or staff), up to four in all. */
  @Transactional
  public void addPhotos(CurrentUser user, long id, List<Photo> photos) {
    Stored s = orders.load(user, id, null);
    if (!s.order().status().open()) {
      throw DomainException.rule("repair.error.closed");
    }
    if (photos == null || photos.isEmpty()) {
      throw DomainException.invalid("photos", "repair.error.photoEmpty");
    }
    List<String> types = IntakeTransaction.photoTypes(photos, repo.photoCount(id));
    Instant now = clock.instant();
    for (int i = 0; i < photos.size(); i++) {
      repo.insertPhoto(id, types.get(i), photos.get(i).bytes(), now, user.actorRef());
    }
    s.order().note(RepairOrder.EventType.PHOTO_ADDED, null, Map.of("photos", photos.size()));
    orders.save(user, s, "PHOTO_ADDED", s.order().snapshot(), now);
  }

  private Optional<Reported> first(CurrentUser user, String key) {
    Long resident = user.isResident() ? user.residentId() : null;
    return repo.reportedWithKey(resident, resident == null ? user.staffId() : null, key)
        .map(
            f ->
                new Reported(
                    f.id(), f.number(), f.communityId(), f.dueAt(), f.arriveDueAt(), true));
  }

  private static String key(String key) {
    if (key == null || key.isBlank()) {
      return null;
    }
    if (!KEY.matcher(key.trim()).matches()) {
      throw DomainException.invalid("idempotencyKey", "repair.error.idempotencyKey");
    }
    return key.trim();
  }
}
