package com.wuye.center.complaint;

/** The eight steps of complaint handling (投诉处理八步骤), in their order (CS-8.1…CS-8.8). */
public enum ComplaintStep {
  /** CS-8.1 道谢 — thank the resident. */
  THANKS(1),
  /** CS-8.2 说明接到投诉高兴和致谢的缘由 — explain why the complaint is welcome. */
  WELCOME(2),
  /** CS-8.3 为失误向业户致歉 — apologise (thanks first, then the apology). */
  APOLOGY(3),
  /** CS-8.4 承诺立即解决问题 — the action promised and the time by which it will be done. */
  COMMITMENT(4),
  /** CS-8.5 寻求所需信息 — what the resident needs in order to be satisfied. */
  NEEDS(5),
  /** CS-8.6 马上纠正错误 — corrective actions (repair orders, another department). */
  CORRECTION(6),
  /** CS-8.7 核查业户满意度 — satisfied, or not (then back to corrective actions). */
  SATISFACTION(7),
  /** CS-8.8 防患于未然 — the lesson-learned notice to all staff. */
  PREVENTION(8);

  private final int number;

  ComplaintStep(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  public static ComplaintStep of(int number) {
    for (ComplaintStep s : values()) {
      if (s.number == number) {
        return s;
      }
    }
    throw com.wuye.center.shared.DomainException.invalid("step", "complaint.error.noSuchStep");
  }
}
