package com.wuye.center.repair;

import com.wuye.center.repair.internal.FeeLineRepository;
import com.wuye.center.repair.internal.RepairRepository.Stored;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Images;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * EN-6, an item that is not on the published price list: the technician names it and the quantity
 * (never a price) with a reason, and a supervisor approves it with a price or rejects it; then the
 * resident agrees to the priced item or declines it, on the portal or signing on the technician's
 * phone, before the extra work (the order cannot be completed until they answer). All of it is on
 * the timeline. Only approved items the resident agreed to are charged ({@link RepairFeePolicy}).
 */
@Service
@Transactional
public class ExtraFees {

  /** An item not on the price list: the technician names it and the quantity, never a price. */
  public record ExtraFee(String item, String unit, BigDecimal quantity, String reason) {}

  /**
   * The resident's answer to a priced item: on the portal (their own order), or on the assigned
   * technician's phone with the signer's name and signature (PNG data URL).
   */
  public record Agreement(Boolean agree, String signerName, String signature) {}

  private final RepairOrders orders;
  private final FeeLineRepository lines;
  private final RepairNotices notices;
  private final Clock clock;

  ExtraFees(RepairOrders orders, FeeLineRepository lines, RepairNotices notices, Clock clock) {
    this.orders = orders;
    this.lines = lines;
    this.notices = notices;
    this.clock = clock;
  }

  /** The assigned technician proposes an unlisted item; the supervisors are told. */
  public long request(CurrentUser user, long id, ExtraFee fee, Integer version) {
    user.require(Role.TECHNICIAN);
    Stored s = orders.load(user, id, version);
    RepairOrders.requireAssignee(user, s.order());
    s.order().requireFeesOpen();
    String item = Text.required("item", fee.item(), 100);
    String unit = Text.required("unit", fee.unit(), 20);
    BigDecimal quantity = RepairFeePolicy.quantity("quantity", fee.quantity());
    String reason = Text.required("reason", fee.reason(), 500);
    Instant now = clock.instant();
    long line = lines.insertExtraLine(id, item, unit, quantity, reason, user.actorRef(), now);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("lineId", line);
    data.put("item", item);
    data.put("unit", unit);
    data.put("quantity", quantity.toPlainString());
    s.order().note(RepairOrder.EventType.EXTRA_FEE_REQUESTED, reason, data);
    orders.save(user, s, "EXTRA_FEE_REQUESTED", s.order().snapshot(), now);
    notices.extraFeeRequested(s.order(), item);
    return line;
  }

  /** A supervisor approves (and prices) or rejects (with a reason) an unlisted item. */
  public void decide(
      CurrentUser user,
      long id,
      long lineId,
      boolean approve,
      BigDecimal unitPrice,
      String note,
      Integer version) {
    user.require(Role.SUPERVISOR, Role.MANAGER);
    Stored s = orders.load(user, id, version);
    s.order().requireFeesOpen();
    BigDecimal price = approve ? RepairFeePolicy.price("unitPrice", unitPrice) : null;
    String text = approve ? Text.optional("note", note, 500) : Text.required("note", note, 500);
    Instant now = clock.instant();
    if (!lines.decideExtraLine(id, lineId, approve, price, text, user.staffId(), now)) {
      throw DomainException.conflict("repair.error.extraDecided");
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("lineId", lineId);
    if (price != null) {
      data.put("unitPrice", price.toPlainString());
    }
    RepairOrder.EventType type =
        approve
            ? RepairOrder.EventType.EXTRA_FEE_APPROVED
            : RepairOrder.EventType.EXTRA_FEE_REJECTED;
    s.order().note(type, text, data);
    orders.save(user, s, type.name(), s.order().snapshot(), now);
    notices.extraFeeDecided(s, approve);
  }

  /**
   * EN-6: the resident agrees to (or declines) an approved, priced item before the extra work — on
   * the portal, or signing on the assigned technician's phone. A declined item is not charged.
   */
  public void agree(CurrentUser user, long id, long lineId, Agreement a, Integer version) {
    Stored s = orders.load(user, id, version);
    s.order().requireFeesOpen();
    if (a.agree() == null) {
      throw DomainException.invalid("agree", "repair.error.agreeRequired");
    }
    String signer;
    byte[] signature = null;
    if (user.isResident()) {
      signer = RepairOrders.actorName(user);
    } else {
      user.require(Role.TECHNICIAN);
      RepairOrders.requireAssignee(user, s.order());
      signer = Text.required("signerName", a.signerName(), 50);
      signature = Images.signature("signature", a.signature());
    }
    String channel = user.isResident() ? "PORTAL" : "TECHNICIAN_DEVICE";
    Instant now = clock.instant();
    var given = new FeeLineRepository.NewAgreement(a.agree(), channel, signer, signature, now);
    if (!lines.agreeExtraLine(id, lineId, given)) {
      throw DomainException.conflict("repair.error.extraNotAwaiting");
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("lineId", lineId);
    data.put("channel", channel);
    data.put(
        "item",
        lines.extraLines(id).stream()
            .filter(l -> l.id() == lineId)
            .map(RepairFeePolicy.ExtraLine::item)
            .findFirst()
            .orElse(""));
    RepairOrder.EventType type =
        a.agree()
            ? RepairOrder.EventType.EXTRA_FEE_AGREED
            : RepairOrder.EventType.EXTRA_FEE_DECLINED;
    s.order().note(type, null, data);
    orders.save(user, s, type.name(), s.order().snapshot(), now);
    notices.extraFeeAnswered(s.order(), a.agree());
  }
}
