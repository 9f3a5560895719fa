/**
 * Consultations (咨询): written ones registered with a number and answered in writing within two
 * days, the reply printable as a letter (CS-Q1); oral ones answered at once from the knowledge base
 * of approved answers, or referred to a department or the manager with a promised reply time told
 * to the resident (CS-Q2); the reply text kept (CS-Q3); internal notes and confidential replies
 * never shown to residents (CS-Q4). Public face: the use cases {@link
 * com.wuye.center.inquiry.InquiryIntake}, {@link com.wuye.center.inquiry.WrittenConsultations}
 * (CS-Q1), {@link com.wuye.center.inquiry.OralConsultations} (CS-Q2), {@link
 * com.wuye.center.inquiry.InquiryReplies} (CS-Q3, CS-Q4), {@link
 * com.wuye.center.inquiry.KnowledgeBase} (the approved answers of CS-Q2) and {@link
 * com.wuye.center.inquiry.InquiryQueries}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Inquiry 咨询",
    allowedDependencies = {"shared", "estate", "staff", "notice", "deadline", "demo"})
package com.wuye.center.inquiry;
