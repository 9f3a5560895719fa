package com.wuye.center.inquiry;

import com.wuye.center.inquiry.KnowledgeEntry.Status;
import com.wuye.center.inquiry.KnowledgeEntry.Topic;
import com.wuye.center.inquiry.internal.KnowledgeRepository;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base of approved answers (company rules, fees, procedures) staff answer oral
 * consultations from (CS-Q2). Supervisors maintain it: draft → approved; only approved entries are
 * searched for answering. Search is by Chinese keywords or phrases anywhere in the title, keywords
 * or answer (no word spaces needed).
 */
@Service
@Transactional
public class KnowledgeBase {

  /** Who maintains the knowledge base. */
  /** Who drafts entries: supervisors and managers of a community, and the company roles. */
  static final Role[] MAINTAINERS = {
    Role.SUPERVISOR, Role.MANAGER, Role.ADMIN, Role.COMPANY_MANAGER
  };

  public record Entry(
      long id,
      String title,
      Topic topic,
      String keywords,
      String answer,
      boolean confidential,
      Status status,
      Instant updatedAt,
      Instant approvedAt,
      int version) {}

  public record EntryInput(
      String title, Topic topic, String keywords, String answer, Boolean confidential) {}

  /**
   * Search results. {@code loose}: no entry held the phrase as typed, so these hold all of its
   * two-character parts (装修押金 → 装修 + 押金).
   */
  public record SearchResult(List<Entry> entries, List<String> terms, boolean loose) {}

  private final KnowledgeRepository repository;
  private final AuditTrail audit;
  private final Clock clock;

  KnowledgeBase(KnowledgeRepository repository, AuditTrail audit, Clock clock) {
    this.repository = repository;
    this.audit = audit;
    this.clock = clock;
  }

  /** Approved entries that contain every term of the query (any staff member). */
  @Transactional(readOnly = true)
  public SearchResult search(CurrentUser user, String query) {
    requireStaff(user);
    List<String> terms = terms(query);
    if (terms.isEmpty()) {
      return new SearchResult(repository.search(List.of(), true, 20), terms, false);
    }
    List<Entry> found = repository.search(terms, true, 50);
    if (found.isEmpty()) {
      List<String> parts = parts(terms);
      if (!parts.equals(terms)) {
        return new SearchResult(repository.search(parts, true, 50), parts, true);
      }
    }
    return new SearchResult(found, terms, false);
  }

  /** An entry: approved ones for all staff, drafts and retired ones for maintainers only. */
  @Transactional(readOnly = true)
  public Entry entry(CurrentUser user, long id) {
    requireStaff(user);
    Entry e =
        repository
            .entry(id)
            .orElseThrow(() -> DomainException.notFound("inquiry.kb.error.notFound"));
    if (e.status() != Status.APPROVED && !user.hasAny(MAINTAINERS)) {
      throw DomainException.notFound("inquiry.kb.error.notFound");
    }
    return e;
  }

  /** All entries of a status (all if null), for maintainers; approved ones for other staff. */
  @Transactional(readOnly = true)
  public Paged<Entry> list(CurrentUser user, Status status, int page, int size) {
    requireStaff(user);
    Status s = user.hasAny(MAINTAINERS) ? status : Status.APPROVED;
    return new Paged<>(
        repository.list(s, size, (long) page * size), page, size, repository.count(s));
  }

  public long create(CurrentUser user, EntryInput in) {
    user.require(MAINTAINERS);
    KnowledgeEntry e =
        KnowledgeEntry.draft(
            in.title(),
            in.topic(),
            in.keywords(),
            in.answer(),
            Boolean.TRUE.equals(in.confidential()));
    long id = repository.insert(e, user.staffId(), clock.instant());
    audit.record("kb_entry", id, "CREATED", null, snapshot(e));
    return id;
  }

  /**
   * Edits an entry; an approved one goes back to draft (out of use until approved again), which
   * changes the company's answers: a company role only.
   */
  public void edit(CurrentUser user, long id, EntryInput in, Integer version) {
    user.require(MAINTAINERS);
    KnowledgeEntry e = load(id, version);
    if (e.status() != Status.DRAFT) {
      user.requireCompanyRole();
    }
    Map<String, Object> before = snapshot(e);
    e.edit(
        in.title(), in.topic(), in.keywords(), in.answer(), Boolean.TRUE.equals(in.confidential()));
    repository.save(e, clock.instant());
    audit.record("kb_entry", id, "EDITED", before, snapshot(e));
  }

  /**
   * A company role approves a draft: from now on every community's staff find it and answer with
   * it.
   */
  public void approve(CurrentUser user, long id, Integer version) {
    user.requireCompanyRole();
    KnowledgeEntry e = load(id, version);
    e.approve(user.staffId(), clock.instant());
    repository.save(e, clock.instant());
    audit.record(
        "kb_entry", id, "APPROVED", Map.of("status", "DRAFT"), Map.of("status", "APPROVED"));
  }

  /** A company role takes an entry out of use for every community. */
  public void retire(CurrentUser user, long id, Integer version) {
    user.requireCompanyRole();
    KnowledgeEntry e = load(id, version);
    String before = e.status().name();
    e.retire();
    repository.save(e, clock.instant());
    audit.record("kb_entry", id, "RETIRED", Map.of("status", before), Map.of("status", "RETIRED"));
  }

  /** The entry, to answer a resident with: approved and not confidential, else refused. */
  KnowledgeEntry usableAnswer(long id) {
    KnowledgeEntry e =
        repository
            .load(id)
            .orElseThrow(() -> DomainException.notFound("inquiry.kb.error.notFound"));
    e.requireUsableForResident();
    return e;
  }

  /** Demo and seed data: an approved entry, approved by nobody in particular. */
  long seedApproved(String title, Topic topic, String keywords, String answer) {
    return seedApproved(title, topic, keywords, answer, false);
  }

  long seedApproved(
      String title, Topic topic, String keywords, String answer, boolean confidential) {
    KnowledgeEntry e = KnowledgeEntry.draft(title, topic, keywords, answer, confidential);
    Instant now = clock.instant();
    e.approve(null, now);
    long id = repository.insert(e, null, now);
    audit.record("kb_entry", id, "APPROVED", null, snapshot(e));
    return id;
  }

  private KnowledgeEntry load(long id, Integer version) {
    KnowledgeEntry e =
        repository
            .load(id)
            .orElseThrow(() -> DomainException.notFound("inquiry.kb.error.notFound"));
    if (version != null && version != e.version()) {
      throw DomainException.staleVersion();
    }
    return e;
  }

  /** The terms of a query: split at spaces and punctuation, each kept whole. */
  static List<String> terms(String query) {
    if (query == null) {
      return List.of();
    }
    return Arrays.stream(query.strip().split("[\\s\\p{Punct}，。、；：？！“”‘’（）《》【】]+"))
        .filter(t -> !t.isBlank())
        .limit(8)
        .toList();
  }

  /** Longer Chinese terms cut into two-character parts: 装修押金 → 装修, 押金; 物业费 → 物业, 费. */
  static List<String> parts(List<String> terms) {
    List<String> out = new ArrayList<>();
    for (String t : terms) {
      if (t.length() > 2 && t.codePoints().allMatch(KnowledgeBase::isCjk)) {
        int[] cps = t.codePoints().toArray();
        for (int i = 0; i < cps.length; i += 2) {
          out.add(new String(cps, i, Math.min(2, cps.length - i)));
        }
      } else {
        out.add(t);
      }
    }
    return out.stream().distinct().limit(12).toList();
  }

  private static boolean isCjk(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }

  private static void requireStaff(CurrentUser user) {
    if (!user.isStaff()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
  }

  private static Map<String, Object> snapshot(KnowledgeEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", e.title());
    m.put("topic", e.topic().name());
    m.put("keywords", e.keywords());
    m.put("answer", e.answer());
    m.put("confidential", e.confidential());
    m.put("status", e.status().name());
    return m;
  }
}
