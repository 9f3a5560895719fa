package com.wuye.center.messaging;

import com.wuye.center.messaging.internal.ContactRepository;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import java.time.Clock;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident's own messaging settings (consent): the language messages come in, an e-mail address,
 * their quiet hours and the kinds they opted out of. Key pickups (CS-K5), emergencies and deadline
 * breaches cannot be opted out of: asking to is refused, here and in the database.
 */
@Service
@Transactional
public class MessagePreferences {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final ContactRepository contacts;
  private final AuditTrail audit;
  private final Clock clock;

  MessagePreferences(ContactRepository contacts, AuditTrail audit, Clock clock) {
    this.contacts = contacts;
    this.audit = audit;
    this.clock = clock;
  }

  /** The settings as the resident sees them, with every kind they may receive. */
  public record View(
      Language language,
      String email,
      boolean wechatBound,
      LocalTime quietStart,
      LocalTime quietEnd,
      Set<MessageKind> optedOut,
      Set<MessageKind> optional,
      Set<MessageKind> always,
      int version) {}

  /** What the resident asks for; quiet hours both empty: the company's default ones. */
  public record Change(
      Language language,
      String email,
      LocalTime quietStart,
      LocalTime quietEnd,
      Set<MessageKind> optedOut,
      int version) {}

  @Transactional(readOnly = true)
  public View mine(CurrentUser user) {
    ContactSettings s = contacts.ofResident(residentOf(user));
    Set<MessageKind> always = EnumSet.noneOf(MessageKind.class);
    MessageKind.forResidents().stream().filter(MessageKind::always).forEach(always::add);
    return new View(
        s.language(),
        s.email(),
        s.wechatBound(),
        s.quietHours() == null ? null : s.quietHours().start(),
        s.quietHours() == null ? null : s.quietHours().end(),
        s.optedOut(),
        MessageKind.optional(),
        always,
        s.version());
  }

  public void change(CurrentUser user, Change c) {
    long residentId = residentOf(user);
    String email = Text.optional("email", c.email(), 254);
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw DomainException.invalid("email", "messaging.error.email");
    }
    Set<MessageKind> out = c.optedOut() == null ? Set.of() : c.optedOut();
    if (!MessageKind.optional().containsAll(out)) {
      throw DomainException.invalid("optedOut", "messaging.error.kindAlways");
    }
    QuietHours quiet =
        c.quietStart() == null && c.quietEnd() == null
            ? null
            : new QuietHours(c.quietStart(), c.quietEnd());
    ContactSettings before = contacts.ofResident(residentId);
    long id = contacts.ensureResident(residentId);
    ContactSettings after =
        new ContactSettings(
            id,
            c.language() == null ? Language.ZH : c.language(),
            email,
            before.wechatOpenid(),
            before.wechatBoundAt(),
            quiet,
            out,
            c.version());
    contacts.save(id, after, c.version(), clock.instant());
    audit.record("messaging_contact", id, "PREFERENCES_CHANGED", snapshot(before), snapshot(after));
  }

  private static Map<String, Object> snapshot(ContactSettings s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("language", s.language().code());
    m.put("email", s.email());
    m.put("quietHours", s.quietHours() == null ? null : s.quietHours().toString());
    m.put("optedOut", s.optedOut().toString());
    return m;
  }

  private static long residentOf(CurrentUser user) {
    if (!user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    return user.residentId();
  }
}
