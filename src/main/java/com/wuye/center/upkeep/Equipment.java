package com.wuye.center.upkeep;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An item of the equipment register (设备台账): a pump, a lift, a fire system, a generator, a gate… of
 * one community, with where it is, its model, its maintenance contractor and the code on its QR
 * label. Its life: in service ⇄ out of service (停用, with a reason) → retired (报废, final; PM-6: its
 * plans stop and its open tasks are cancelled).
 */
public final class Equipment {

  public enum Status {
    IN_SERVICE,
    OUT_OF_SERVICE,
    RETIRED
  }

  private static final Pattern PHONE = Pattern.compile("^[0-9+() -]{5,20}$");

  /** What the register says about an item; checked when built. */
  public record Details(
      String name,
      EquipmentKind kind,
      Long buildingId,
      String location,
      String model,
      String manufacturer,
      String contractorName,
      String contractorPhone,
      LocalDate installedOn) {

    public Details {
      name = Text.required("name", name, 60);
      if (kind == null) {
        throw DomainException.invalid("kind", "upkeep.error.kind");
      }
      location = Text.required("location", location, 100);
      model = Text.optional("model", model, 60);
      manufacturer = Text.optional("manufacturer", manufacturer, 60);
      contractorName = Text.optional("contractorName", contractorName, 60);
      contractorPhone = Text.optional("contractorPhone", contractorPhone, 20);
      if (contractorPhone != null && !PHONE.matcher(contractorPhone).matches()) {
        throw DomainException.invalid("contractorPhone", "upkeep.error.contractorPhone");
      }
    }
  }

  private final Long id;
  private final long communityId;
  private final ScanCode code;
  private Details details;
  private Status status;
  private String statusReason;
  private final int version;

  private Equipment(
      Long id,
      long communityId,
      ScanCode code,
      Details details,
      Status status,
      String statusReason,
      int version) {
    if (code.kind() != ScanCode.Kind.EQUIPMENT) {
      throw new IllegalArgumentException("not an equipment code: " + code);
    }
    this.id = id;
    this.communityId = communityId;
    this.code = code;
    this.details = details;
    this.status = status;
    this.statusReason = statusReason;
    this.version = version;
  }

  /** A new item in service. */
  public static Equipment register(long communityId, ScanCode code, Details details) {
    return new Equipment(null, communityId, code, details, Status.IN_SERVICE, null, 0);
  }

  /** Rebuilds a stored item (repository only). */
  public static Equipment restore(
      long id,
      long communityId,
      ScanCode code,
      Details details,
      Status status,
      String statusReason,
      int version) {
    return new Equipment(id, communityId, code, details, status, statusReason, version);
  }

  /** New details; a retired item is no longer edited. */
  public void revise(Details d) {
    requireNotRetired();
    this.details = d;
  }

  /** Takes an item in service out of service (停用), with a reason. */
  public void takeOutOfService(String reason) {
    if (status != Status.IN_SERVICE) {
      throw DomainException.rule("upkeep.error.equipmentNotInService", details.name());
    }
    statusReason = Text.required("reason", reason, 200);
    status = Status.OUT_OF_SERVICE;
  }

  /** Puts an item out of service back in service. */
  public void returnToService() {
    if (status != Status.OUT_OF_SERVICE) {
      throw DomainException.rule("upkeep.error.equipmentNotOutOfService", details.name());
    }
    statusReason = null;
    status = Status.IN_SERVICE;
  }

  /** Retires the item (报废), with a reason; final. */
  public void retire(String reason) {
    requireNotRetired();
    statusReason = Text.required("reason", reason, 200);
    status = Status.RETIRED;
  }

  private void requireNotRetired() {
    if (status == Status.RETIRED) {
      throw DomainException.rule("upkeep.error.equipmentRetired", details.name());
    }
  }

  /** Its state for the audit trail. */
  public Map<String, Object> snapshot() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", code.value());
    m.put("name", details.name());
    m.put("kind", details.kind().name());
    m.put("location", details.location());
    m.put("model", details.model());
    m.put("contractor", details.contractorName());
    m.put("status", status.name());
    m.put("statusReason", statusReason);
    return m;
  }

  public Long id() {
    return id;
  }

  public long communityId() {
    return communityId;
  }

  public ScanCode code() {
    return code;
  }

  public Details details() {
    return details;
  }

  public Status status() {
    return status;
  }

  public String statusReason() {
    return statusReason;
  }

  public int version() {
    return version;
  }
}
