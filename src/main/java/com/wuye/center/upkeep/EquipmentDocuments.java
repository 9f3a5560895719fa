package com.wuye.center.upkeep;

import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Images;
import com.wuye.center.shared.Text;
import com.wuye.center.upkeep.internal.EquipmentRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents of an item of the register (manuals, certificates, inspection reports): PDF, PNG or
 * JPEG up to 5 MB, recognised by their content (the first bytes), never by their name; shown only
 * to staff of the item's community.
 */
@Service
@Transactional
public class EquipmentDocuments {

  private final EquipmentRepository repository;
  private final AuditTrail audit;
  private final Clock clock;

  EquipmentDocuments(EquipmentRepository repository, AuditTrail audit, Clock clock) {
    this.repository = repository;
    this.audit = audit;
    this.clock = clock;
  }

  /** A stored document, ready to send. */
  public record File(String title, String contentType, byte[] content) {}

  /** Adds a document to an item; returns its id. */
  public long upload(CurrentUser user, long equipmentId, String title, byte[] content) {
    Equipment e = repository.require(equipmentId);
    UpkeepAccess.require(user, UpkeepAccess.REGISTER_KEEPERS, e.communityId());
    String t = Text.required("title", title, 100);
    if (content == null || content.length == 0) {
      throw DomainException.invalid("file", "upkeep.error.documentEmpty");
    }
    Images.Document doc = Images.scan("file", content);
    long id =
        repository.insertDocument(
            equipmentId, t, doc.contentType(), doc.bytes(), clock.instant(), user.staffId());
    audit.record(
        EquipmentRegister.AUDIT,
        equipmentId,
        "DOCUMENT_ADDED",
        null,
        Map.of("document", id, "title", t, "type", doc.contentType(), "bytes", content.length));
    return id;
  }

  @Transactional(readOnly = true)
  public List<EquipmentRepository.DocumentRow> list(CurrentUser user, long equipmentId) {
    Equipment e = repository.require(equipmentId);
    UpkeepAccess.read(user, e.communityId());
    return repository.documents(equipmentId);
  }

  @Transactional(readOnly = true)
  public File download(CurrentUser user, long documentId) {
    EquipmentRepository.DocumentFile f =
        repository
            .document(documentId)
            .orElseThrow(() -> DomainException.notFound("upkeep.error.documentNotFound"));
    UpkeepAccess.read(user, f.communityId());
    return new File(f.title(), f.contentType(), f.content());
  }
}
