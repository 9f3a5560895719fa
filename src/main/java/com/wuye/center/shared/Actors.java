package com.wuye.center.shared;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the current user from the security context. */
public final class Actors {

  private Actors() {}

  public static Optional<CurrentUser> current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof CurrentUser.Holder holder) {
      return Optional.of(holder.currentUser());
    }
    return Optional.empty();
  }

  /** The current user, or 403 if nobody is logged in. */
  public static CurrentUser require() {
    return current().orElseThrow(() -> DomainException.forbidden("error.forbidden.login"));
  }

  /** The name the audit trail records: the user's actor reference, or "system". */
  public static String auditName() {
    return current().map(u -> u.actorRef() + ":" + u.username()).orElse("system");
  }
}
