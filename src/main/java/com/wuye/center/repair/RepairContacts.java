package com.wuye.center.repair;

import com.wuye.center.repair.internal.RepairRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is told about an order: the resident who reported it in the portal, or the contact a clerk
 * recorded from a call; with the unit it is for. Read by messaging in its listener, inside the
 * transaction that published the order's event (no user: the system acts on the order's own event).
 */
@Component
public class RepairContacts {

  private final RepairRepository repo;

  RepairContacts(RepairRepository repo) {
    this.repo = repo;
  }

  /**
   * @param unitId the unit (null for a common area)
   * @param reporterResidentId the resident who reported it in the portal, if any
   * @param contactName the contact recorded with the report, if any
   * @param contactPhone the contact's mobile, if any
   */
  public record Contact(
      Long unitId, Long reporterResidentId, String contactName, String contactPhone) {}

  @Transactional(readOnly = true)
  public Optional<Contact> of(long orderId) {
    return repo.load(orderId)
        .map(
            s ->
                new Contact(
                    s.facts().unitId(),
                    s.facts().reporterResidentId(),
                    s.facts().contactName(),
                    s.facts().contactPhone()));
  }
}
