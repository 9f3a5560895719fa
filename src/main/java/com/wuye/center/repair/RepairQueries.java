package com.wuye.center.repair;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.repair.RepairViews.BoardFilter;
import com.wuye.center.repair.RepairViews.BoardPage;
import com.wuye.center.repair.RepairViews.Row;
import com.wuye.center.repair.internal.BoardReads;
import com.wuye.center.repair.internal.RepairRepository;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lists of repairs: the dispatch board (S2), a technician's orders (S3), a resident's orders,
 * and the search by number. Access is checked here, as in the use cases; the order page is {@link
 * RepairOrderPage}.
 */
@Service
@Transactional(readOnly = true)
public class RepairQueries {

  static final int BOARD_PAGE = 20;

  private final BoardReads reads;
  private final RepairRepository repo;
  private final RepairAccess access;
  private final EstateDirectory estate;
  private final StaffDirectory staff;
  private final Clock clock;

  RepairQueries(
      BoardReads reads,
      RepairRepository repo,
      RepairAccess access,
      EstateDirectory estate,
      StaffDirectory staff,
      Clock clock) {
    this.reads = reads;
    this.repo = repo;
    this.access = access;
    this.estate = estate;
    this.staff = staff;
    this.clock = clock;
  }

  /** S2: open orders of one community, emergencies first, by due time; keyset "next page". */
  public BoardPage board(CurrentUser user, BoardFilter f) {
    checkBoard(user, f);
    int size = f.size() == null || f.size() < 1 ? BOARD_PAGE : Math.min(f.size(), 100);
    List<Row> rows = reads.board(f, size);
    String next = null;
    if (rows.size() > size) {
      rows = rows.subList(0, size);
      next = BoardReads.Cursor.of(rows.get(size - 1)).encode();
    }
    return new BoardPage(List.copyOf(rows), next, clock.instant());
  }

  /** The board (and its export) is for dispatchers of the community its filters name. */
  void checkBoard(CurrentUser user, BoardFilter f) {
    user.require(RepairAccess.DISPATCHERS);
    if (f.communityId() == null) {
      throw DomainException.invalid("communityId", "repair.error.communityRequired");
    }
    user.requireCommunity(f.communityId());
    requireOfCommunity(f);
  }

  /** The board's filters name a building and a technician of its community, or none. */
  private void requireOfCommunity(BoardFilter f) {
    long community = f.communityId();
    if (f.buildingId() != null
        && estate.buildings(community).stream().noneMatch(b -> b.id() == f.buildingId())) {
      throw DomainException.invalid("buildingId", "error.building.notFound");
    }
    if (f.technicianId() != null
        && staff
            .find(f.technicianId())
            .filter(m -> m.communityIds().contains(community))
            .isEmpty()) {
      throw DomainException.invalid("technicianId", "repair.error.notTechnician");
    }
  }

  /** S3: the technician's orders still to do or to be confirmed. */
  public List<Row> mine(CurrentUser user) {
    user.require(Role.TECHNICIAN);
    return reads.mine(user.staffId(), 100);
  }

  /** A resident's orders: their units' and the common-area ones they reported. */
  public List<Row> ofResident(CurrentUser user) {
    if (!user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    List<Long> units =
        estate.unitsOfResident(user.residentId()).stream().map(Estate.Unit::id).toList();
    return reads.ofResident(user.residentId(), units, 50);
  }

  /** The id of the order with this number, if the user may see it. */
  public Optional<Long> findNumber(CurrentUser user, String number) {
    Optional<Long> id = reads.idOfNumber(number);
    id.ifPresent(i -> access.check(user, repo.require(i)));
    return id;
  }
}
