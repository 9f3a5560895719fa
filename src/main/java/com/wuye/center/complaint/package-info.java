/**
 * Complaints (投诉): intake in the resident's own words (CS-C1); the eight steps of complaint
 * handling as recorded events in order (CS-8.1…8.8), with the commitment timed by a deadline clock,
 * corrective actions that request or link repair orders or assign a department, the satisfaction
 * check that sends an unsatisfied resident back to corrective actions, and the lesson-learned
 * notice to all staff; misunderstandings clarified, escalated to a named supervisor or referred to
 * an outside body (CS-C2); thanks recorded at closing (CS-C3). Public face: the use cases — {@link
 * com.wuye.center.complaint.ComplaintIntake} (CS-C1), {@link
 * com.wuye.center.complaint.ComplaintSteps} (CS-8, 8.1–8.3, 8.5, 8.7), {@code Commitment} (CS-8.4,
 * the deadline clock), {@link com.wuye.center.complaint.CorrectiveActions} (CS-8.6), {@link
 * com.wuye.center.complaint.Prevention} (CS-8.8), {@link com.wuye.center.complaint.Escalation}
 * (CS-C2), {@link com.wuye.center.complaint.ComplaintClosing} (CS-C3), {@link
 * com.wuye.center.complaint.ComplaintQueries}, {@link com.wuye.center.complaint.ResidentComplaints}
 * and {@link com.wuye.center.complaint.ComplaintCategories} — and the aggregate {@link
 * com.wuye.center.complaint.Complaint} with its event {@link
 * com.wuye.center.complaint.ComplaintClosed}. A corrective repair is asked of the repair area
 * through its public {@link com.wuye.center.repair.RepairsForComplaints}, in the same transaction.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Complaint 投诉",
    allowedDependencies = {"shared", "estate", "staff", "notice", "deadline", "demo", "repair"})
package com.wuye.center.complaint;
