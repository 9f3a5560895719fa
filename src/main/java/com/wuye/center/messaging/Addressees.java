package com.wuye.center.messaging;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.messaging.internal.ContactRepository;
import com.wuye.center.staff.StaffDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Who a message reaches and where: a recipient with their name, mobile number, settings (language,
 * e-mail, WeChat, quiet hours, opt-outs), read in bulk so an announcement to a whole community is a
 * few reads, not one per resident.
 */
@Component
class Addressees {

  /** A recipient as reached: the address of each channel (null: none). */
  record Addressee(Recipient recipient, String name, String phone, ContactSettings settings) {

    String address(Channel c) {
      return switch (c) {
        case SMS -> phone;
        case WECHAT -> settings.wechatOpenid();
        case EMAIL -> settings.email();
      };
    }
  }

  private final EstateDirectory estate;
  private final StaffDirectory staff;
  private final ContactRepository contacts;

  Addressees(EstateDirectory estate, StaffDirectory staff, ContactRepository contacts) {
    this.estate = estate;
    this.staff = staff;
    this.contacts = contacts;
  }

  /** The recipients as reached, each once (a resident named twice gets one message). */
  List<Addressee> resolve(List<Recipient> recipients) {
    Map<String, Recipient> distinct = new LinkedHashMap<>();
    recipients.forEach(r -> distinct.putIfAbsent(r.ref(), r));
    var residentSettings =
        contacts.ofResidents(
            distinct.values().stream()
                .map(Recipient::residentId)
                .filter(Objects::nonNull)
                .toList());
    var staffSettings =
        contacts.ofStaff(
            distinct.values().stream().map(Recipient::staffId).filter(Objects::nonNull).toList());
    List<Addressee> out = new ArrayList<>();
    for (Recipient r : distinct.values()) {
      if (r.residentId() != null) {
        resident(r, residentSettings.get(r.residentId())).ifPresent(out::add);
      } else if (r.staffId() != null) {
        staff
            .find(r.staffId())
            .filter(s -> s.active())
            .ifPresent(
                s ->
                    out.add(
                        new Addressee(
                            r,
                            s.name(),
                            Recipient.mobile(s.phone()),
                            or(staffSettings.get(r.staffId())))));
      } else {
        out.add(new Addressee(r, r.name(), r.phone(), ContactSettings.defaults()));
      }
    }
    return out;
  }

  private java.util.Optional<Addressee> resident(Recipient r, ContactSettings settings) {
    if (r.phone() != null || r.name() != null) {
      return java.util.Optional.of(
          new Addressee(r, r.name(), Recipient.mobile(r.phone()), or(settings)));
    }
    return estate
        .resident(r.residentId())
        .map(p -> new Addressee(r, p.name(), Recipient.mobile(p.phone()), or(settings)));
  }

  private static ContactSettings or(ContactSettings s) {
    return s == null ? ContactSettings.defaults() : s;
  }
}
