package com.wuye.center.keycustody;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.keycustody.KeyCustody.EntrustmentView;
import com.wuye.center.keycustody.KeyCustody.Filter;
import com.wuye.center.keycustody.KeyCustody.Image;
import com.wuye.center.keycustody.KeyCustody.KeyRow;
import com.wuye.center.keycustody.KeyCustody.KeyView;
import com.wuye.center.keycustody.KeyCustody.SlotOption;
import com.wuye.center.keycustody.internal.CustodyReads;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of key custody: find a key (by code, scan, unit or owner), an entrustment with its whole
 * chain of custody, a key's history, the resident's view, slots to store into. Staff see their
 * communities; a resident sees the entrustments of units they live in.
 */
@Service
@Transactional(readOnly = true)
public class KeyCustodyQueries {

  private final CustodyReads reads;
  private final EstateDirectory estate;
  private final StaffDirectory staff;
  private final Clock clock;

  KeyCustodyQueries(CustodyReads reads, EstateDirectory estate, StaffDirectory staff, Clock clock) {
    this.reads = reads;
    this.estate = estate;
    this.staff = staff;
    this.clock = clock;
  }

  /** Keys of the communities the user serves, by code, reference number, unit or owner name. */
  public Paged<KeyRow> keys(
      CurrentUser user, Long communityId, String query, Filter filter, int page, int size) {
    CustodyActions.requireHandler(user);
    if (communityId != null) {
      user.requireCommunity(communityId);
    }
    Long[] communities = user.has(Role.ADMIN) ? null : user.communityIds().toArray(Long[]::new);
    return reads.keys(communityId, communities, query, filter, clock.instant(), page, size);
  }

  /** The key with exactly this tag code (a scan), if the user may see it. */
  public Optional<KeyRow> keyByCode(CurrentUser user, String code) {
    CustodyActions.requireHandler(user);
    return reads
        .keyByCode(code, clock.instant())
        .filter(k -> user.servesCommunity(k.communityId()));
  }

  public KeyView key(CurrentUser user, long keyId) {
    CustodyActions.requireHandler(user);
    KeyRow row =
        reads
            .key(keyId, clock.instant())
            .orElseThrow(() -> DomainException.notFound("keycustody.error.keyNotFound"));
    user.requireCommunity(row.communityId());
    EntrustmentView e = reads.entrustment(row.entrustmentId(), clock.instant());
    return new KeyView(row, e, e.movements().stream().filter(m -> m.keyId() == keyId).toList());
  }

  /** An entrustment with collectors (IDs masked), keys and every movement. */
  public EntrustmentView entrustment(CurrentUser user, long id) {
    long unitId =
        reads.unitOf(id).orElseThrow(() -> DomainException.notFound("keycustody.error.notFound"));
    if (!user.isResident()) {
      CustodyActions.requireHandler(user);
    }
    estate.checkUnitAccess(user, unitId);
    return reads.entrustment(id, clock.instant());
  }

  /** The entrustments of the units the resident lives in, newest first. */
  public List<EntrustmentView> forResident(CurrentUser user) {
    if (!user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    List<Long> units =
        estate.unitsOfResident(user.residentId()).stream().map(Estate.Unit::id).toList();
    return units.isEmpty() ? List.of() : reads.ofUnits(units, clock.instant());
  }

  /** The entrustments of a unit (staff), newest first. */
  public List<EntrustmentView> forUnit(CurrentUser user, long unitId) {
    CustodyActions.requireHandler(user);
    estate.checkUnitAccess(user, unitId);
    return reads.ofUnit(unitId, clock.instant());
  }

  /** The image the resident accepted the disclaimer with (a signature PNG or a scanned form). */
  public Image acceptance(CurrentUser user, long entrustmentId) {
    entrustment(user, entrustmentId);
    return reads.acceptance(entrustmentId);
  }

  /** A collector's signature at a pickup. */
  public Image pickupSignature(CurrentUser user, long pickupId) {
    long entrustmentId =
        reads
            .entrustmentOfPickup(pickupId)
            .orElseThrow(() -> DomainException.notFound("error.notFound"));
    entrustment(user, entrustmentId);
    return reads.pickupSignature(pickupId);
  }

  /** A technician's signature when a key was lent. */
  public Image loanSignature(CurrentUser user, long loanId) {
    long keyId =
        reads.keyOfLoan(loanId).orElseThrow(() -> DomainException.notFound("error.notFound"));
    key(user, keyId);
    return reads.loanSignature(loanId);
  }

  /** Slots the entrustment's keys can go into: free, or holding this household's keys. */
  public List<SlotOption> slotOptions(CurrentUser user, long entrustmentId) {
    long communityId =
        reads
            .communityOf(entrustmentId)
            .orElseThrow(() -> DomainException.notFound("keycustody.error.notFound"));
    CustodyActions.requireHandler(user);
    user.requireCommunity(communityId);
    return reads.slotOptions(entrustmentId, communityId);
  }

  /** Technicians of the community (to lend a key to). */
  public List<StaffMember> technicians(CurrentUser user, long communityId) {
    CustodyActions.requireHandler(user);
    user.requireCommunity(communityId);
    return staff.withRole(communityId, Role.TECHNICIAN);
  }
}
