package com.wuye.center.convenience;

import com.wuye.center.convenience.internal.CatalogRepository;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may do an order: an active staff member of its community with the service's provider role
 * (the service desk, for a partner's service).
 */
@Service
@Transactional(readOnly = true)
public class Assignees {

  private final OrderJournal journal;
  private final CatalogRepository catalog;
  private final StaffDirectory staff;
  private final MessageSource messages;

  Assignees(
      OrderJournal journal,
      CatalogRepository catalog,
      StaffDirectory staff,
      MessageSource messages) {
    this.journal = journal;
    this.catalog = catalog;
    this.staff = staff;
    this.messages = messages;
  }

  /** Who may be assigned the order. */
  public List<StaffMember> assignable(CurrentUser user, long orderId) {
    ServiceOrder order = journal.load(orderId);
    user.requireCommunity(order.communityId());
    Offering service = catalog.find(order.listing().serviceId()).orElseThrow();
    return staff.allActive(Set.of(order.communityId())).stream()
        .filter(
            s ->
                service.providerKind() == Offering.ProviderKind.PARTNER
                    ? Arrays.stream(ServiceOrdering.DESK).anyMatch(s::has)
                    : s.has(service.providerRole()))
        .toList();
  }

  /** The staff member, if they may be assigned the order; refused on {@code staffId} if not. */
  StaffMember check(ServiceOrder order, Long staffId) {
    if (staffId == null) {
      throw DomainException.invalid("staffId", "error.required");
    }
    StaffMember member =
        staff
            .find(staffId)
            .filter(StaffMember::active)
            .filter(s -> s.communityIds().contains(order.communityId()))
            .orElseThrow(() -> DomainException.invalid("staffId", "convenience.error.assignee"));
    Offering service = catalog.find(order.listing().serviceId()).orElseThrow();
    if (service.providerKind() == Offering.ProviderKind.ROLE
        && !member.has(service.providerRole())) {
      throw DomainException.ruleOn(
          "staffId",
          "convenience.error.assigneeRole",
          member.name(),
          roleLabel(service.providerRole()));
    }
    return member;
  }

  private String roleLabel(Role role) {
    return messages.getMessage(
        "role." + role.name(), null, role.name(), LocaleContextHolder.getLocale());
  }
}
