package com.wuye.center.complaint;

import com.wuye.center.complaint.internal.ComplaintCategoryRepository;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The configurable complaint categories: supervisors and managers add them and switch them on or
 * off; intake takes only active ones, existing complaints keep theirs.
 */
@Service
@Transactional
public class ComplaintCategories {

  private static final String SUBJECT = "complaint_category";

  /** A configurable complaint category. */
  public record Category(
      String code, String name, String nameEn, int sortOrder, boolean active, int version) {
    public String label(Locale locale) {
      return locale != null && "en".equals(locale.getLanguage()) ? nameEn : name;
    }
  }

  private final ComplaintCategoryRepository repository;
  private final AuditTrail audit;

  ComplaintCategories(ComplaintCategoryRepository repository, AuditTrail audit) {
    this.repository = repository;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<Category> all(boolean activeOnly) {
    return repository.all(activeOnly);
  }

  /** A company role adds categories (every community files complaints under them). */
  public void add(CurrentUser user, String code, String name, String nameEn, Integer sort) {
    user.requireCompanyRole();
    String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    if (!c.matches("^[A-Z][A-Z0-9_]{1,29}$")) {
      throw DomainException.invalid("code", "complaint.error.categoryCode");
    }
    String n = Text.required("name", name, 30);
    String e = Text.optional("nameEn", nameEn, 60);
    e = e == null ? n : e;
    repository.insert(c, n, e, sort == null ? 100 : sort);
    audit.record(SUBJECT, c, "CREATED", null, Map.of("name", n, "nameEn", e));
  }

  /** A company role switches a category on or off (existing complaints keep theirs). */
  public void setActive(CurrentUser user, String code, boolean active, int version) {
    user.requireCompanyRole();
    Category before =
        repository
            .find(code)
            .orElseThrow(() -> DomainException.notFound("complaint.error.categoryNotFound"));
    repository.setActive(code, active, version);
    audit.record(
        SUBJECT,
        code,
        active ? "ACTIVATED" : "DEACTIVATED",
        Map.of("active", before.active()),
        Map.of("active", active));
  }

  /** The active category a new complaint is filed under (else refused on categoryCode). */
  Category requireActive(String code) {
    if (code == null || code.isBlank()) {
      throw DomainException.invalid("categoryCode", "complaint.error.category");
    }
    return repository
        .find(code)
        .filter(Category::active)
        .orElseThrow(() -> DomainException.invalid("categoryCode", "complaint.error.category"));
  }

  /** The Chinese name of a complaint's category (active or not). */
  String name(String code) {
    return repository.find(code).map(Category::name).orElse(code);
  }
}
