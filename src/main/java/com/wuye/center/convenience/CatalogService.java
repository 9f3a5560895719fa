package com.wuye.center.convenience;

import com.wuye.center.convenience.internal.CatalogRepository;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog of convenience services per community: managers and supervisors keep it; every staff
 * member of the community reads it; residents see the services offered where they live.
 */
@Service
@Transactional
public class CatalogService {

  /** Who keeps the catalog. */
  static final Role[] EDITORS = {Role.MANAGER, Role.SUPERVISOR, Role.ADMIN};

  private final CatalogRepository repository;
  private final EstateDirectory estate;
  private final AuditTrail audit;

  CatalogService(CatalogRepository repository, EstateDirectory estate, AuditTrail audit) {
    this.repository = repository;
    this.estate = estate;
    this.audit = audit;
  }

  /** A service as typed in the catalog form or the API. */
  public record ServiceForm(
      String name,
      String description,
      BigDecimal price,
      String priceUnit,
      Integer promiseMinutes,
      Boolean noisy,
      Offering.ProviderKind providerKind,
      Role providerRole,
      String partnerName,
      String partnerPhone,
      Boolean active,
      Integer position) {}

  public long create(CurrentUser user, long communityId, ServiceForm f) {
    user.require(EDITORS);
    user.requireCommunity(communityId);
    estate
        .community(communityId)
        .orElseThrow(() -> DomainException.invalid("communityId", "error.community.notFound"));
    Offering o = validate(0, communityId, f, 0);
    if (repository.nameTaken(communityId, o.name(), null)) {
      throw DomainException.invalid("name", "convenience.error.nameTaken", o.name());
    }
    long id = repository.insert(o);
    audit.record("convenience_service", id, "CREATED", null, o);
    return id;
  }

  /** Changes a service; the version is the one the editor saw (a concurrent change is refused). */
  public void update(CurrentUser user, long id, ServiceForm f, int version) {
    user.require(EDITORS);
    Offering before = get(id);
    user.requireCommunity(before.communityId());
    Offering after = validate(id, before.communityId(), f, version);
    if (repository.nameTaken(before.communityId(), after.name(), id)) {
      throw DomainException.invalid("name", "convenience.error.nameTaken", after.name());
    }
    repository.update(after);
    audit.record("convenience_service", id, "UPDATED", before, after);
  }

  @Transactional(readOnly = true)
  public Offering get(long id) {
    return repository
        .find(id)
        .orElseThrow(() -> DomainException.notFound("convenience.error.serviceNotFound"));
  }

  /** A service for a staff member of its community. */
  @Transactional(readOnly = true)
  public Offering get(CurrentUser user, long id) {
    Offering o = get(id);
    user.requireCommunity(o.communityId());
    return o;
  }

  /** The whole catalog of a community (also services no longer offered), for its staff. */
  @Transactional(readOnly = true)
  public List<Offering> catalog(CurrentUser user, long communityId) {
    user.requireCommunity(communityId);
    return repository.list(communityId, false);
  }

  /** The services offered in a community. */
  @Transactional(readOnly = true)
  public List<Offering> offered(long communityId) {
    return repository.list(communityId, true);
  }

  /** What a resident sees in the portal: the services offered in each community they live in. */
  @Transactional(readOnly = true)
  public Map<Estate.Community, List<Offering>> forResident(CurrentUser user) {
    if (!user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    Map<Estate.Community, List<Offering>> out = new LinkedHashMap<>();
    for (Estate.Community c : estate.communitiesFor(user)) {
      out.put(c, offered(c.id()));
    }
    return out;
  }

  /** The communities whose catalog the user may keep or read. */
  @Transactional(readOnly = true)
  public List<Estate.Community> communities(CurrentUser user) {
    return estate.communitiesFor(user);
  }

  static Offering validate(long id, long communityId, ServiceForm f, int version) {
    String name = Text.required("name", f.name(), 50);
    String description = Text.optional("description", f.description(), 300);
    BigDecimal price = f.price();
    String priceUnit = Text.optional("priceUnit", f.priceUnit(), 10);
    if (price != null && price.signum() == 0) {
      price = null; // 0 means free
    }
    if (price != null) {
      if (price.signum() < 0 || price.compareTo(new BigDecimal("99999999")) > 0) {
        throw DomainException.invalid("price", "convenience.error.priceRange");
      }
      if (price.stripTrailingZeros().scale() > 2) {
        throw DomainException.invalid("price", "convenience.error.priceScale");
      }
      price = price.setScale(2);
      if (priceUnit == null) {
        throw DomainException.invalid("priceUnit", "convenience.error.priceUnit");
      }
    } else {
      priceUnit = null;
    }
    Integer promise = f.promiseMinutes();
    if (promise == null || promise < 10 || promise > 10080) {
      throw DomainException.invalid("promiseMinutes", "convenience.error.promise");
    }
    Offering.ProviderKind kind = f.providerKind();
    if (kind == null) {
      throw DomainException.invalid("providerKind", "error.required");
    }
    Role role = null;
    String partner = null;
    String partnerPhone = null;
    if (kind == Offering.ProviderKind.ROLE) {
      role = f.providerRole();
      if (role == null || !role.isStaffRole() || role == Role.ADMIN) {
        throw DomainException.invalid("providerRole", "convenience.error.providerRole");
      }
    } else {
      partner = Text.required("partnerName", f.partnerName(), 100);
      partnerPhone = Text.optional("partnerPhone", f.partnerPhone(), 20);
      if (partnerPhone != null && !partnerPhone.matches("^[0-9][0-9 -]{4,19}$")) {
        throw DomainException.invalid("partnerPhone", "convenience.error.partnerPhone");
      }
    }
    int position = f.position() == null ? 0 : f.position();
    if (position < 0 || position > 999) {
      throw DomainException.invalid("position", "convenience.error.position");
    }
    return new Offering(
        id,
        communityId,
        name,
        description,
        price,
        priceUnit,
        promise,
        Boolean.TRUE.equals(f.noisy()),
        kind,
        role,
        partner,
        partnerPhone,
        f.active() == null || f.active(),
        position,
        version);
  }
}
