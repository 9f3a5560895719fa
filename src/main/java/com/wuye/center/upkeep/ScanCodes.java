package com.wuye.center.upkeep;

import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.upkeep.internal.PatrolRepository;
import java.security.SecureRandom;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PT-1: the codes on QR labels — new random ones for items and checkpoints, and what a scanned or
 * typed code labels. A code of another community is refused with a message that says so (never
 * which community, nor what it labels there).
 */
@Service
@Transactional(readOnly = true)
public class ScanCodes {

  private final PatrolRepository repository;
  private final SecureRandom random = new SecureRandom();

  ScanCodes(PatrolRepository repository) {
    this.repository = repository;
  }

  /** What a code labels, with the page that shows it. */
  public record Target(
      ScanCode code, ScanCode.Kind kind, long id, long communityId, String name, String link) {}

  /** A new code of the kind, not used by any label yet. */
  ScanCode next(ScanCode.Kind kind) {
    for (int attempt = 0; attempt < 20; attempt++) {
      ScanCode code = ScanCode.random(kind, random);
      if (!repository.codeTaken(code)) {
        return code;
      }
    }
    throw new IllegalStateException("no free code found");
  }

  /** What a code scanned by this user labels, if it is of a community they serve. */
  public Target resolve(CurrentUser user, String raw) {
    Target t = find(raw);
    if (!user.servesCommunity(t.communityId())) {
      throw otherCommunity(t);
    }
    UpkeepAccess.read(user, t.communityId());
    return t;
  }

  /** What a code labels, refused unless it is of the given community. */
  Target resolveIn(long communityId, String raw) {
    Target t = find(raw);
    if (t.communityId() != communityId) {
      throw otherCommunity(t);
    }
    return t;
  }

  private static DomainException otherCommunity(Target t) {
    return DomainException.ruleOn("code", "upkeep.error.codeOtherCommunity", t.code().value());
  }

  private Target find(String raw) {
    ScanCode code = ScanCode.parse(raw);
    PatrolRepository.CodeOwner o =
        repository
            .owner(code)
            .orElseThrow(
                () ->
                    new DomainException(
                        DomainException.Kind.NOT_FOUND,
                        "upkeep.error.codeUnknown",
                        "code",
                        code.value()));
    String link =
        o.kind() == ScanCode.Kind.EQUIPMENT
            ? "/staff/upkeep/equipment/" + o.id()
            : "/staff/upkeep/checkpoints/" + o.id();
    return new Target(code, o.kind(), o.id(), o.communityId(), o.name(), link);
  }
}
