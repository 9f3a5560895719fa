/**
 * Consultations (咨询): written ones registered with a number and answered in writing within two
 * days, the reply printable as a letter (CS-Q1); oral ones answered at once from the knowledge base
 * of approved answers, or referred to a department or the manager with a promised reply time told
 * to the resident (CS-Q2); the reply text kept (CS-Q3); internal notes and confidential replies
 * never shown to residents (CS-Q4). Public face: {@link com.wuye.center.inquiry.Inquiries} and
 * {@link com.wuye.center.inquiry.KnowledgeBase}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Inquiry 咨询",
    allowedDependencies = {"shared", "estate", "staff", "notice", "deadline", "demo"})
package com.wuye.center.inquiry;
