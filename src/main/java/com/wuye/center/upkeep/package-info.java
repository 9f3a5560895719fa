/**
 * Upkeep 巡检 / 设备保养: the equipment register (设备台账) per community with documents and QR labels,
 * patrol routes with ordered checkpoints and schedules, rounds generated ahead and walked on the
 * phone (scan, readings against allowed ranges, photos), and planned maintenance (保养计划) with tasks
 * in the engineers' worklists. Rules PT-1…PT-7 and PM-1…PM-6: {@code docs/norms/UPKEEP.md}.
 *
 * <p>Public face, one class per use case: {@link com.wuye.center.upkeep.EquipmentRegister}, {@link
 * com.wuye.center.upkeep.EquipmentDocuments}, {@link com.wuye.center.upkeep.ScanCodes} (PT-1),
 * {@link com.wuye.center.upkeep.Checkpoints}, {@link com.wuye.center.upkeep.PatrolRoutes}, {@link
 * com.wuye.center.upkeep.RoundPlanner} (PT-2), {@link com.wuye.center.upkeep.PatrolWalk} (PT-3,
 * PT-4, PT-5 through the repair area's {@link com.wuye.center.repair.RepairIntake}), {@link
 * com.wuye.center.upkeep.RoundClosing} and {@link com.wuye.center.upkeep.PatrolAlerts} (PT-6),
 * {@link com.wuye.center.upkeep.RoundCancelling}, {@link com.wuye.center.upkeep.MaintenancePlans}
 * and {@link com.wuye.center.upkeep.MaintenancePlanner} (PM-1, PM-2), {@link
 * com.wuye.center.upkeep.MaintenanceWork} (PM-3), {@link
 * com.wuye.center.upkeep.MaintenanceStopping} (PM-6); reads: {@link
 * com.wuye.center.upkeep.EquipmentQueries}, {@link com.wuye.center.upkeep.PatrolQueries}, {@link
 * com.wuye.center.upkeep.MaintenanceQueries}; for other areas: {@link
 * com.wuye.center.upkeep.TodaysWork} (role worklists) and {@link
 * com.wuye.center.upkeep.UpkeepRates} (PT-7, PM-5). Aggregates: {@link
 * com.wuye.center.upkeep.Equipment}, {@link com.wuye.center.upkeep.PatrolRoute}, {@link
 * com.wuye.center.upkeep.PatrolRound}, {@link com.wuye.center.upkeep.PatrolAlert}, {@link
 * com.wuye.center.upkeep.MaintenanceTask}. Events: {@link
 * com.wuye.center.upkeep.PatrolRoundClosed}, {@link com.wuye.center.upkeep.MaintenanceTaskDue}
 * (heard here: the engineer is told), {@link com.wuye.center.upkeep.MaintenanceTaskDone}.
 *
 * <p>Configuration: {@code wuye.upkeep.plan-ahead} (rounds generated ahead, default 48h), {@code
 * wuye.upkeep.tasks-ahead-days} (default 14), {@code wuye.upkeep.alert-follow-up} (the follow-up
 * clock of a missed-checkpoint alert, default 2h), {@code wuye.upkeep.jobs.interval} (default 5m;
 * the jobs run on one node at a time and are off with {@code wuye.scheduling.enabled=false}).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Upkeep 巡检保养",
    allowedDependencies = {"shared", "estate", "staff", "notice", "deadline", "repair", "demo"})
package com.wuye.center.upkeep;
