package com.wuye.center.keycustody;

import com.wuye.center.keycustody.Entrustment.Collector;
import com.wuye.center.shared.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What key custody shows: rows and views for lists and pages. ID numbers appear only masked, phones
 * only masked.
 */
public final class KeyCustody {

  private KeyCustody() {}

  /** Who handles keys at the counter. */
  public static final Set<Role> HANDLERS =
      Set.of(Role.CUSTOMER_SERVICE, Role.SECURITY, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);

  /** What the key list can show. */
  public enum Filter {
    IN_CUSTODY,
    RECEIVED,
    LENT,
    OVERDUE,
    ALL
  }

  /** A key in a list: where it is, whose it is, and whether a loan is overdue. */
  public record KeyRow(
      long id,
      String code,
      String label,
      int ordinal,
      int keyCount,
      CustodyKey.State state,
      long entrustmentId,
      String referenceNo,
      long communityId,
      long unitId,
      String unitCode,
      String ownerName,
      Long slotId,
      String slotCode,
      String cabinetName,
      Instant dueAt,
      boolean overdue,
      String technicianName,
      String repairOrderRef) {}

  public record CollectorView(
      long id,
      Collector.Kind kind,
      String name,
      String idType,
      String idMasked,
      String phoneMasked,
      Instant revokedAt) {

    public boolean revoked() {
      return revokedAt != null;
    }
  }

  /** One step of the chain of custody. */
  public record MovementView(
      long id,
      Instant at,
      String type,
      long keyId,
      String keyCode,
      String keyLabel,
      int ordinal,
      String staffName,
      String fromSlot,
      String toSlot,
      String collectorName,
      Collector.Kind collectorKind,
      Long pickupId,
      Long loanId,
      String technicianName,
      String repairOrderRef,
      Instant expectedReturnAt) {}

  /** The entrustment with its collectors, keys and whole history. */
  public record EntrustmentView(
      long id,
      String referenceNo,
      long communityId,
      String communityName,
      long unitId,
      String unitCode,
      long depositorResidentId,
      String ownerName,
      LocalDate depositDate,
      int keyCount,
      String reason,
      LocalDate pickupFrom,
      LocalDate pickupUntil,
      boolean lendingAllowed,
      Entrustment.State state,
      Instant createdAt,
      Instant closedAt,
      String acceptanceKind,
      String acceptanceContentType,
      Instant disclaimerAcceptedAt,
      String disclaimerText,
      String acceptedByName,
      List<CollectorView> collectors,
      List<KeyRow> keys,
      List<MovementView> movements) {

    public boolean active() {
      return state == Entrustment.State.ACTIVE;
    }

    public List<KeyRow> availableKeys() {
      return keys.stream().filter(k -> k.state().available()).toList();
    }

    public List<KeyRow> receivedKeys() {
      return keys.stream().filter(k -> k.state() == CustodyKey.State.RECEIVED).toList();
    }
  }

  /** A key's page: the key, its entrustment, the open loan and the key's own history. */
  public record KeyView(KeyRow key, EntrustmentView entrustment, List<MovementView> movements) {}

  /** A slot a key can go into: free, or already holding this household's keys. */
  public record SlotOption(long id, String code, String cabinetName, boolean holdsThisHousehold) {}

  public record SecurityEventRow(
      long id,
      Instant at,
      String kind,
      boolean alert,
      String action,
      String actor,
      String staffName,
      Long entrustmentId,
      String referenceNo,
      Long keyId,
      String keyCode,
      Long cabinetId,
      String presentedIdType,
      String presentedIdMasked,
      String messageKey,
      List<String> args) {}

  /** An image kept with a record: a signature or a scanned form. */
  public record Image(byte[] bytes, String contentType) {}

  /** A key lent out past its expected return. */
  public record OverdueLoan(
      long loanId,
      long keyId,
      String keyCode,
      long communityId,
      long technicianStaffId,
      String repairOrderRef,
      Instant expectedReturnAt) {}
}
