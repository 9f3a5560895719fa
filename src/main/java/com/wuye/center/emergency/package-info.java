/**
 * Emergency help for a sick resident (急救病人的处理, CS-E1…E7): intake in seconds (unit, contact phone,
 * caller, the resident's choice), dispatch of security with assignments that stay on screen until
 * acknowledged, the steps of a hospital transfer, a 120 call or short-term nursing — each
 * timestamped — and afterwards more help decided by the manager and a follow-up visit within a week
 * (a deadline clock). Public face: the use cases {@link com.wuye.center.emergency.EmergencyIntake}
 * (CS-E1, E3), {@link com.wuye.center.emergency.EmergencySteps} (records any step through the
 * step's use case: {@code HospitalTransfer} CS-E2, {@code ManagerDecision} CS-E4, {@code
 * AmbulanceCall} CS-E5, {@code NursingCare} CS-E6, {@code EmergencyClosing}, {@link
 * com.wuye.center.emergency.FollowUp} CS-E7), {@link com.wuye.center.emergency.EmergencyQueries}
 * (lists, response times), and the aggregate {@link com.wuye.center.emergency.EmergencyCase}, the
 * one state machine.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Emergency 急救",
    allowedDependencies = {"shared", "estate", "staff", "notice", "deadline", "demo"})
package com.wuye.center.emergency;
