/**
 * Renovation 装修申请 (RN-1…RN-15, docs/norms/RENOVATION.md): a resident (portal) or customer service
 * (desk) applies for a unit with the contractor and its workers, the scope, the dates, drawings and
 * photos, and the community's rules accepted; engineering reviews and a supervisor decides, with
 * reasons; the deposit 装修押金 and the waste removal fee are collected by the cashier ({@link
 * com.wuye.center.shared.ChargeRequested}; billing's {@link com.wuye.center.billing.ChargePaid}
 * makes the permit valid); the permit 施工许可证 prints with a QR code that the guards check at the
 * gate; works start and the neighbours hear of it; inspections on a schedule (hidden works,
 * mid-way, final) and violations with a rectification deadline run on deadline clocks; neighbours'
 * complaints are linked; the final acceptance releases the deposit less the recorded deductions,
 * refunded once by the cashier with a receipt of its own.
 *
 * <p>Public face, one class per use case: {@link com.wuye.center.renovation.RenovationIntake}
 * (RN-1…RN-5, RN-9), {@link com.wuye.center.renovation.RenovationReview} (RN-6), {@link
 * com.wuye.center.renovation.WorksStart} (RN-7, RN-10), {@link
 * com.wuye.center.renovation.SiteInspections} (RN-11), {@link
 * com.wuye.center.renovation.Violations} (RN-12), {@link com.wuye.center.renovation.ComplaintLinks}
 * (RN-13), {@link com.wuye.center.renovation.FinalAcceptance} (RN-11, RN-14), {@link
 * com.wuye.center.renovation.DepositRefund} (RN-15), {@link com.wuye.center.renovation.PermitCheck}
 * (RN-8, RN-9), {@link com.wuye.center.renovation.RenovationQueries} (reads); the rules {@link
 * com.wuye.center.renovation.CommunityRules} (RN-5), {@link
 * com.wuye.center.renovation.InspectionSchedule} (RN-11), {@link
 * com.wuye.center.renovation.Neighbours} (RN-10), {@link
 * com.wuye.center.renovation.DepositStandard}; the aggregate {@link
 * com.wuye.center.renovation.RenovationApplication} and the event {@link
 * com.wuye.center.renovation.RenovationStarted} (heard here: the neighbours are told in-app).
 *
 * <p>Configuration: {@code wuye.renovation.id-secret} (env {@code WUYE_RENOVATION_ID_SECRET}, at
 * least 16 characters; unset: generated once and kept in the database) keys the fingerprints of
 * workers' ID numbers; {@code wuye.renovation.deposit} (2000.00) and {@code
 * wuye.renovation.waste-fee-per-square-metre} (5.00) are what an approval proposes.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Renovation 装修",
    allowedDependencies = {
      "shared",
      "estate",
      "staff",
      "notice",
      "deadline",
      "billing",
      "complaint",
      "demo"
    })
package com.wuye.center.renovation;
