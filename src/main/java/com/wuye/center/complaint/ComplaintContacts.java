package com.wuye.center.complaint;

import com.wuye.center.complaint.internal.ComplaintRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is told about a complaint: the resident who filed it in the portal, or the contact recorded
 * at intake (CS-C1). Read by messaging in its listener, inside the transaction that published the
 * complaint's event (no user: the system acts on the complaint's own event).
 */
@Component
public class ComplaintContacts {

  private final ComplaintRepository repository;

  ComplaintContacts(ComplaintRepository repository) {
    this.repository = repository;
  }

  /**
   * @param unitId the complaint's unit
   * @param residentId the resident who filed it in the portal, if any
   * @param contactName the contact recorded at intake
   * @param contactPhone the contact's phone, if recorded
   */
  public record Contact(long unitId, Long residentId, String contactName, String contactPhone) {}

  @Transactional(readOnly = true)
  public Optional<Contact> of(long complaintId) {
    return repository
        .load(complaintId)
        .map(
            c -> new Contact(c.unitId(), c.filedByResidentId(), c.contactName(), c.contactPhone()));
  }
}
