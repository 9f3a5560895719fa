package com.wuye.center.keycustody.internal;

import com.wuye.center.keycustody.CustodyKey;
import com.wuye.center.keycustody.Entrustment;
import com.wuye.center.keycustody.Entrustment.Collector;
import com.wuye.center.keycustody.IdFingerprint;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.IdDocument;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads and saves the two aggregates of key custody (the entrustment with its collectors, and its
 * keys), the slots keys go into, the pickups, and appends to the chain of custody. Events an
 * entrustment registered are published when it is saved. Loans are in {@link LoanRepository}, the
 * reads of pages in {@link CustodyReads}.
 */
@Repository
public class CustodyRepository {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  CustodyRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** What the resident accepted: the disclaimer text, when, and the signature or scanned form. */
  public record Acceptance(
      String disclaimerText, Instant acceptedAt, String kind, byte[] image, String contentType) {}

  /** A slot with its cabinet. */
  public record Slot(long id, long cabinetId, long communityId, String code, String cabinetName) {}

  // ---- entrustments

  public long insert(Entrustment e, String unitCode, Acceptance a, long staffId, Instant now) {
    long id =
        jdbc.sql(
                "INSERT INTO keycustody_entrustment (reference_no, community_id, unit_id, unit_code, depositor_resident_id,"
                    + " owner_name, deposit_date, key_count, reason, pickup_from, pickup_until, lending_allowed,"
                    + " disclaimer_text, disclaimer_accepted_at, acceptance_kind, acceptance_image,"
                    + " acceptance_content_type, accepted_by_staff_id, state, created_at)"
                    + " VALUES (:ref, :community, :unit, :unitCode, :depositor, :owner, :date, :count, :reason, :from, :until,"
                    + " :lending, :text, :acceptedAt, :kind, :image, :ct, :staff, :state, :now) RETURNING id")
            .param("ref", e.referenceNo())
            .param("community", e.communityId())
            .param("unit", e.unitId())
            .param("unitCode", unitCode)
            .param("depositor", e.depositorResidentId())
            .param("owner", e.owner().name())
            .param("date", e.depositDate())
            .param("count", e.keyCount())
            .param("reason", e.reason())
            .param("from", e.pickupFrom())
            .param("until", e.pickupUntil())
            .param("lending", e.lendingAllowed())
            .param("text", a.disclaimerText())
            .param("acceptedAt", Timestamp.from(a.acceptedAt()))
            .param("kind", a.kind())
            .param("image", a.image())
            .param("ct", a.contentType())
            .param("staff", staffId)
            .param("state", e.state().name())
            .param("now", Timestamp.from(now))
            .query(Long.class)
            .single();
    for (Collector c : e.collectors()) {
      jdbc.sql(
              "INSERT INTO keycustody_collector (entrustment_id, kind, name, id_type, id_fingerprint, id_masked, phone)"
                  + " VALUES (:e, :kind, :name, :type, :fp, :masked, :phone)")
          .param("e", id)
          .param("kind", c.kind().name())
          .param("name", c.name())
          .param("type", c.document().type().name())
          .param("fp", c.document().hash())
          .param("masked", c.document().masked())
          .param("phone", c.phone())
          .update();
    }
    return id;
  }

  public Optional<Entrustment> entrustment(long id) {
    return load(id, "");
  }

  /**
   * Loads and locks the entrustment row until the transaction ends: pickups, revocations and
   * storage of one household's keys queue here, so a revocation takes effect before any later
   * pickup and a key cannot be handed out twice.
   */
  public Optional<Entrustment> lock(long id) {
    return load(id, " FOR UPDATE");
  }

  private Optional<Entrustment> load(long id, String lock) {
    Optional<Row> row =
        jdbc.sql("SELECT * FROM keycustody_entrustment WHERE id = :id" + lock)
            .param("id", id)
            .query(CustodyRepository::row)
            .optional();
    return row.map(
        r ->
            Entrustment.restore(
                r.id,
                r.ref,
                r.community,
                r.unit,
                r.depositor,
                r.date,
                r.count,
                r.reason,
                r.from,
                r.until,
                r.lending,
                collectors(id),
                r.state,
                r.closedAt,
                r.version));
  }

  private record Row(
      long id,
      String ref,
      long community,
      long unit,
      long depositor,
      LocalDate date,
      int count,
      String reason,
      LocalDate from,
      LocalDate until,
      boolean lending,
      Entrustment.State state,
      Instant closedAt,
      int version) {}

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getString("reference_no"),
        rs.getLong("community_id"),
        rs.getLong("unit_id"),
        rs.getLong("depositor_resident_id"),
        rs.getObject("deposit_date", LocalDate.class),
        rs.getInt("key_count"),
        rs.getString("reason"),
        rs.getObject("pickup_from", LocalDate.class),
        rs.getObject("pickup_until", LocalDate.class),
        rs.getBoolean("lending_allowed"),
        Entrustment.State.valueOf(rs.getString("state")),
        Rows.instant(rs, "closed_at"),
        rs.getInt("version"));
  }

  public List<Collector> collectors(long entrustmentId) {
    return jdbc.sql(
            "SELECT * FROM keycustody_collector WHERE entrustment_id = :e ORDER BY (kind = 'OWNER') DESC, id")
        .param("e", entrustmentId)
        .query(
            (rs, n) ->
                new Collector(
                    rs.getLong("id"),
                    Collector.Kind.valueOf(rs.getString("kind")),
                    rs.getString("name"),
                    new IdFingerprint(
                        IdDocument.Type.valueOf(rs.getString("id_type")),
                        rs.getString("id_fingerprint"),
                        rs.getString("id_masked")),
                    rs.getString("phone"),
                    Rows.instant(rs, "revoked_at"),
                    rs.getString("revoked_by")))
        .list();
  }

  public Optional<Long> entrustmentOfCollector(long collectorId) {
    return jdbc.sql("SELECT entrustment_id FROM keycustody_collector WHERE id = :id")
        .param("id", collectorId)
        .query(Long.class)
        .optional();
  }

  /**
   * Saves a changed state (closing; 0 rows means someone else changed it: stale) and publishes the
   * events the entrustment registered.
   */
  public void save(Entrustment e) {
    if (e.state() != e.loadedState()) {
      updateState(e);
    }
    e.releaseEvents().forEach(events::publishEvent);
  }

  private void updateState(Entrustment e) {
    int n =
        jdbc.sql(
                "UPDATE keycustody_entrustment SET state = :state, closed_at = :closed, version = version + 1"
                    + " WHERE id = :id AND version = :v")
            .param("state", e.state().name())
            .param("closed", e.closedAt() == null ? null : Timestamp.from(e.closedAt()))
            .param("id", e.id())
            .param("v", e.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
  }

  public void saveRevocation(Collector c) {
    int n =
        jdbc.sql(
                "UPDATE keycustody_collector SET revoked_at = :at, revoked_by = :by, version = version + 1"
                    + " WHERE id = :id AND revoked_at IS NULL AND kind = 'NAMED'")
            .param("at", Timestamp.from(c.revokedAt()))
            .param("by", c.revokedBy())
            .param("id", c.id())
            .update();
    if (n == 0) {
      throw DomainException.rule("keycustody.error.alreadyRevoked", c.name());
    }
  }

  // ---- keys

  public boolean codeTaken(String code) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM keycustody_key WHERE code = :c)")
        .param("c", code)
        .query(Boolean.class)
        .single();
  }

  public long insert(CustodyKey k) {
    return jdbc.sql(
            "INSERT INTO keycustody_key (entrustment_id, code, ordinal, label, state, slot_id)"
                + " VALUES (:e, :code, :ordinal, :label, :state, :slot) RETURNING id")
        .param("e", k.entrustmentId())
        .param("code", k.code())
        .param("ordinal", k.ordinal())
        .param("label", k.label())
        .param("state", k.state().name())
        .param("slot", k.slotId())
        .query(Long.class)
        .single();
  }

  public Optional<CustodyKey> key(long id) {
    return jdbc.sql("SELECT * FROM keycustody_key WHERE id = :id")
        .param("id", id)
        .query(CustodyRepository::key)
        .optional();
  }

  public List<CustodyKey> keysOf(long entrustmentId) {
    return jdbc.sql("SELECT * FROM keycustody_key WHERE entrustment_id = :e ORDER BY ordinal")
        .param("e", entrustmentId)
        .query(CustodyRepository::key)
        .list();
  }

  /**
   * Saves a key's new state only if nobody changed it since it was loaded (same version and the
   * state it was loaded in). Returns false if someone did: the caller refuses.
   */
  public boolean save(CustodyKey k) {
    return jdbc.sql(
                "UPDATE keycustody_key SET state = :state, slot_id = :slot, version = version + 1"
                    + " WHERE id = :id AND version = :v AND state = :loaded")
            .param("state", k.state().name())
            .param("slot", k.slotId())
            .param("id", k.id())
            .param("v", k.version())
            .param("loaded", k.loadedState().name())
            .update()
        == 1;
  }

  private static CustodyKey key(ResultSet rs, int n) throws SQLException {
    return CustodyKey.restore(
        rs.getLong("id"),
        rs.getLong("entrustment_id"),
        rs.getString("code"),
        rs.getInt("ordinal"),
        rs.getString("label"),
        CustodyKey.State.valueOf(rs.getString("state")),
        rs.getObject("slot_id") == null ? null : rs.getLong("slot_id"),
        rs.getInt("version"));
  }

  // ---- slots

  public Optional<Slot> slot(long slotId) {
    return jdbc.sql(
            "SELECT s.id, s.cabinet_id, c.community_id, s.code, c.name FROM keycustody_slot s"
                + " JOIN keycustody_cabinet c ON c.id = s.cabinet_id WHERE s.id = :id")
        .param("id", slotId)
        .query(
            (rs, n) ->
                new Slot(
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
        .optional();
  }

  /** The household (entrustment) whose keys are in the slot, if any. */
  public Optional<Long> slotHolder(long slotId) {
    return jdbc.sql("SELECT entrustment_id FROM keycustody_key WHERE slot_id = :s LIMIT 1")
        .param("s", slotId)
        .query(Long.class)
        .optional();
  }

  // ---- pickups

  public long insertPickup(
      long entrustmentId,
      long collectorId,
      long staffId,
      Instant at,
      int keyCount,
      byte[] signature) {
    return jdbc.sql(
            "INSERT INTO keycustody_pickup (entrustment_id, collector_id, handed_over_by_staff_id, occurred_at,"
                + " key_count, signature) VALUES (:e, :c, :s, :at, :n, :sig) RETURNING id")
        .param("e", entrustmentId)
        .param("c", collectorId)
        .param("s", staffId)
        .param("at", Timestamp.from(at))
        .param("n", keyCount)
        .param("sig", signature)
        .query(Long.class)
        .single();
  }

  // ---- the chain of custody

  /** One movement of a key (append-only): by whom, when, from and to which slot, for what. */
  public record Movement(
      CustodyKey key,
      String type,
      Instant at,
      long staffId,
      String actor,
      Long fromSlot,
      Long toSlot,
      Long pickupId,
      Long loanId) {

    public static Movement of(CustodyKey key, String type, Instant at, long staffId, String actor) {
      return new Movement(key, type, at, staffId, actor, null, null, null, null);
    }

    public Movement from(Long slot) {
      return new Movement(key, type, at, staffId, actor, slot, toSlot, pickupId, loanId);
    }

    public Movement to(Long slot) {
      return new Movement(key, type, at, staffId, actor, fromSlot, slot, pickupId, loanId);
    }

    public Movement pickup(long id) {
      return new Movement(key, type, at, staffId, actor, fromSlot, toSlot, id, loanId);
    }

    public Movement loan(long id) {
      return new Movement(key, type, at, staffId, actor, fromSlot, toSlot, pickupId, id);
    }
  }

  public void append(Movement m) {
    jdbc.sql(
            "INSERT INTO keycustody_movement (key_id, entrustment_id, type, occurred_at, staff_id, actor,"
                + " from_slot_id, to_slot_id, pickup_id, loan_id)"
                + " VALUES (:k, :e, :type, :at, :s, :actor, :from, :to, :pickup, :loan)")
        .param("k", m.key().id())
        .param("e", m.key().entrustmentId())
        .param("type", m.type())
        .param("at", Timestamp.from(m.at()))
        .param("s", m.staffId())
        .param("actor", m.actor())
        .param("from", m.fromSlot())
        .param("to", m.toSlot())
        .param("pickup", m.pickupId())
        .param("loan", m.loanId())
        .update();
  }
}
