/**
 * The authorization policy every HTTP operation is declared in ({@link
 * com.wuye.center.shared.security.AccessPolicy}): the security configuration builds its URL rules
 * from it, and the authorization test checks every operation against it.
 */
package com.wuye.center.shared.security;
