package com.wuye.center.shared.web;

import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import java.util.List;
import java.util.Set;

/**
 * An entry of the top menu and the home page. Each area contributes its own with a {@link
 * Contributor} bean, so the layout never needs to know the areas.
 *
 * @param labelKey message key of the label
 * @param path page path
 * @param roles who sees it (RESIDENT for the portal)
 * @param order position, lower first
 */
public record MenuItem(String labelKey, String path, Set<Role> roles, int order) {

  public boolean visibleTo(CurrentUser user) {
    return user.hasAny(roles);
  }

  /** Implemented by each area's web package to add its menu entries. */
  public interface Contributor {
    List<MenuItem> menuItems();
  }
}
