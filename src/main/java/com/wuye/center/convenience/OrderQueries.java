package com.wuye.center.convenience;

import com.wuye.center.convenience.ServiceOrder.Status;
import com.wuye.center.convenience.internal.IntegrityCaseRepository;
import com.wuye.center.convenience.internal.OrderRepository;
import com.wuye.center.deadline.ClockView;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.PhoneVisibility;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders as the pages and the API show them: one order with its promise and timeline, a community's
 * orders for its staff, a resident's own. The resident's answer to the tip question is shown to the
 * resident and the managers only.
 */
@Service
@Transactional(readOnly = true)
public class OrderQueries {

  private final OrderRepository orders;
  private final IntegrityCaseRepository cases;
  private final EstateDirectory estate;
  private final StaffDirectory staff;
  private final OrderClock promise;
  private final PhoneVisibility phones;

  OrderQueries(
      OrderRepository orders,
      IntegrityCaseRepository cases,
      EstateDirectory estate,
      StaffDirectory staff,
      OrderClock promise,
      PhoneVisibility phones) {
    this.phones = phones;
    this.orders = orders;
    this.cases = cases;
    this.estate = estate;
    this.staff = staff;
    this.promise = promise;
  }

  /** "Show" on a masked phone: the order's whole contact phone, the showing audited. */
  @Transactional
  public String showPhone(CurrentUser user, long orderId) {
    ServiceOrder order = details(user, orderId).order();
    return phones.show(user, "service_order", orderId, order.contactPhone());
  }

  /** The contact phone as this user may see it (the assignee and customer service: whole). */
  public static String contactPhone(CurrentUser user, ServiceOrder order) {
    return PhoneVisibility.shown(
        order.contactPhone(), PhoneVisibility.mayCall(user, order.assigneeStaffId(), false));
  }

  /** An order for a staff member of its community, or for a resident of its unit. */
  public OrderDetails details(CurrentUser user, long orderId) {
    ServiceOrder order =
        orders
            .load(orderId)
            .orElseThrow(() -> DomainException.notFound("convenience.error.orderNotFound"));
    if (user.isResident()) {
      estate.checkUnitAccess(user, order.unitId());
    } else {
      user.requireCommunity(order.communityId());
    }
    boolean manager = user.isStaff() && user.has(Role.MANAGER);
    Long caseId = manager ? cases.ofOrder(orderId).map(IntegrityCase::id).orElse(null) : null;
    return new OrderDetails(
        order,
        estate.unit(order.unitId()).orElseThrow(),
        staffName(order.assigneeStaffId()),
        staffName(order.completedByStaffId()),
        promise.view(orderId).orElse(null),
        orders.timeline(orderId),
        user.isResident() || manager,
        caseId);
  }

  /** A page of a community's orders for its staff, newest first, optionally of one status. */
  public Paged<OrderRow> list(
      CurrentUser user, long communityId, Status status, int page, int size) {
    user.requireCommunity(communityId);
    long total = orders.count(communityId, status);
    List<OrderRepository.Row> rows = orders.page(communityId, status, size, (long) page * size);
    return new Paged<>(rows(rows), page, size, total);
  }

  /** The orders of the units a resident lives in, newest first. */
  public List<OrderRow> ofResident(CurrentUser user) {
    if (!user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    List<Long> units =
        estate.unitsOfResident(user.residentId()).stream().map(Estate.Unit::id).toList();
    return rows(orders.ofUnits(units, 100));
  }

  private List<OrderRow> rows(List<OrderRepository.Row> rows) {
    Map<String, ClockView> views =
        promise.views(rows.stream().map(r -> String.valueOf(r.id())).toList());
    Map<Long, String> names = new LinkedHashMap<>();
    List<OrderRow> out = new ArrayList<>();
    for (OrderRepository.Row r : rows) {
      ClockView v = views.get(String.valueOf(r.id()));
      String assignee =
          r.assigneeStaffId() == null
              ? null
              : names.computeIfAbsent(r.assigneeStaffId(), this::staffName);
      out.add(
          new OrderRow(
              r.id(),
              r.number(),
              estate.unit(r.unitId()).map(Estate.Unit::code).orElse(""),
              r.serviceName(),
              r.wantedAt(),
              r.status(),
              r.channel(),
              r.contactName(),
              assignee,
              r.chargeAmount(),
              r.rating(),
              v == null ? null : v.dueAt(),
              v != null && v.breached()));
    }
    return out;
  }

  private String staffName(Long staffId) {
    return staffId == null ? null : staff.find(staffId).map(StaffMember::name).orElse(null);
  }
}
