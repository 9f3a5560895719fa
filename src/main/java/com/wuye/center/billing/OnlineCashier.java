package com.wuye.center.billing;

import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import java.util.Set;

/**
 * The system cashier 在线支付 that books what residents pay online (WeChat Pay, Alipay in the portal)
 * through the counter's own rules ({@link CounterPayment#pay}): the same gap-free receipt series,
 * oldest charge first, surplus to prepaid, idempotent on its key. It is a staff member with the
 * cashier role and a disabled account {@value #USERNAME} (migration V151), so nobody signs in as
 * it; only it books the online channels, and it books nothing else (the database checks it too).
 */
public final class OnlineCashier {

  public static final String USERNAME = "online-payment";

  private OnlineCashier() {}

  /** The system cashier acting for one community. */
  public static CurrentUser of(long accountId, long staffId, long communityId) {
    return new CurrentUser(
        accountId, USERNAME, "在线支付", staffId, null, Set.of(Role.CASHIER), Set.of(communityId));
  }

  static boolean is(CurrentUser user) {
    return USERNAME.equals(user.username()) && user.isStaff();
  }
}
