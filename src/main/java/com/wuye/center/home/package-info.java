/**
 * Home pages are worklists (issue 14): each staff role's first screen shows its work, each item one
 * tap from its action, counts refreshed live. Every area answers for its own items through a small
 * read-only query ({@link com.wuye.center.deadline.DeadlineWorklist}, {@link
 * com.wuye.center.repair.RepairWorklist}, {@link com.wuye.center.keycustody.KeyLoansDue}, {@link
 * com.wuye.center.emergency.EmergencyQueries}, {@link com.wuye.center.billing.DayReports}, {@link
 * com.wuye.center.notice.Notifications}, {@link com.wuye.center.report.Reports}); this area only
 * composes them per role: {@link com.wuye.center.home.Worklists}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Home 工作台",
    allowedDependencies = {
      "shared",
      "deadline",
      "repair",
      "keycustody",
      "emergency",
      "billing",
      "notice",
      "report"
    })
package com.wuye.center.home;
