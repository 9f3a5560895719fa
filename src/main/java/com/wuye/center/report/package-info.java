/**
 * Reports for managers (read side): per community and per staff member — deadlines met,
 * satisfaction, conduct answers (EN-1…EN-5), integrity cases and the read rate of lesson-learned
 * notices. Filled only from the areas' events (its own facts; overdue-now from the deadline
 * clocks); public face {@link com.wuye.center.report.Reports}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Report 报表",
    allowedDependencies = {
      "shared",
      "estate",
      "staff",
      "notice",
      "deadline",
      "repair",
      "complaint",
      "convenience"
    })
package com.wuye.center.report;
