package com.wuye.center.staff.security;

import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in account; stored (serialized) in the JDBC session, so kept small. */
final class AccountPrincipal implements UserDetails, CredentialsContainer, CurrentUser.Holder {

  @Serial private static final long serialVersionUID = 1L;

  private final CurrentUser user;
  private String passwordHash;
  private final boolean enabled;
  private final boolean nonLocked;

  /**
   * The account's security stamp when this principal was loaded; a session whose stamp is older
   * than the account's is reloaded or ended ({@link AccountStateFilter}). A session serialized
   * before the stamp existed reads 0 here and is checked like any other.
   */
  private final int securityStamp;

  AccountPrincipal(
      CurrentUser user,
      String passwordHash,
      boolean enabled,
      boolean nonLocked,
      int securityStamp) {
    this.user = user;
    this.passwordHash = passwordHash;
    this.enabled = enabled;
    this.nonLocked = nonLocked;
    this.securityStamp = securityStamp;
  }

  int securityStamp() {
    return securityStamp;
  }

  @Override
  public CurrentUser currentUser() {
    return user;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return user.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList();
  }

  List<String> roleNames() {
    return user.roles().stream().map(Role::name).sorted().toList();
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return user.username();
  }

  @Override
  public boolean isAccountNonLocked() {
    return nonLocked;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccountPrincipal p && p.user.accountId() == user.accountId();
  }

  @Override
  public int hashCode() {
    return Long.hashCode(user.accountId());
  }

  @Override
  public String toString() {
    return "AccountPrincipal[" + user.username() + "]";
  }
}
