package com.wuye.center.staff.security;

import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.internal.LoginName;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads staff and resident accounts for the one login page and the API login, by the login name
 * normalised as {@link LoginName} says (the same name failed logins are counted under).
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

  private final JdbcClient jdbc;
  private final Clock clock;

  AccountUserDetailsService(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    Map<String, Object> a =
        jdbc
            .sql(
                "SELECT a.*, COALESCE(s.name, r.name) AS display_name, s.active AS staff_active,"
                    + " ARRAY(SELECT role FROM staff_role sr WHERE sr.staff_id = a.staff_id) AS roles,"
                    + " ARRAY(SELECT community_id FROM staff_community sc WHERE sc.staff_id = a.staff_id) AS communities"
                    + " FROM account a LEFT JOIN staff s ON s.id = a.staff_id LEFT JOIN resident r ON r.id = a.resident_id"
                    + " WHERE lower(a.username) = :u")
            .param("u", LoginName.normalise(username))
            .query()
            .listOfRows()
            .stream()
            .findFirst()
            .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    boolean staff = "STAFF".equals(a.get("kind"));
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Set<Long> communities = Set.of();
    try {
      if (staff) {
        for (Object r : (Object[]) ((java.sql.Array) a.get("roles")).getArray()) {
          roles.add(Role.valueOf((String) r));
        }
        communities =
            Arrays.stream((Object[]) ((java.sql.Array) a.get("communities")).getArray())
                .map(o -> ((Number) o).longValue())
                .collect(Collectors.toSet());
      } else {
        roles.add(Role.RESIDENT);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("could not read roles of " + username, e);
    }
    CurrentUser user =
        new CurrentUser(
            ((Number) a.get("id")).longValue(),
            (String) a.get("username"),
            (String) a.get("display_name"),
            staff ? ((Number) a.get("staff_id")).longValue() : null,
            staff ? null : ((Number) a.get("resident_id")).longValue(),
            roles,
            communities);
    Timestamp lockedUntil = (Timestamp) a.get("locked_until");
    boolean nonLocked = lockedUntil == null || lockedUntil.toInstant().isBefore(clock.instant());
    boolean enabled =
        Boolean.TRUE.equals(a.get("enabled"))
            && (!staff || Boolean.TRUE.equals(a.get("staff_active")));
    return new AccountPrincipal(
        user,
        (String) a.get("password_hash"),
        enabled,
        nonLocked,
        ((Number) a.get("security_stamp")).intValue());
  }
}
