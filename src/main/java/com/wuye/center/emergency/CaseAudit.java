package com.wuye.center.emergency;

import com.wuye.center.emergency.EmergencyCase.Step;
import com.wuye.center.shared.AuditTrail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The audit trail of cases: the intake when created, then each step with the state around it. */
@Component
class CaseAudit {

  private final AuditTrail audit;

  CaseAudit(AuditTrail audit) {
    this.audit = audit;
  }

  void created(EmergencyCase c) {
    EmergencyCase.Intake in = c.intake();
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("number", c.number());
    created.put("unit", in.unitLabel());
    created.put("contactPhone", in.contactPhone().value());
    created.put("callerName", in.callerName());
    created.put("callerRelation", in.callerRelation().name());
    created.put("callerWords", in.callerWords());
    audit.record(EmergencyCase.TYPE, c.id(), "CREATED", null, created);
  }

  /** The case's state before a step, to pass to {@link #stepped}. */
  static Map<String, Object> snapshot(EmergencyCase c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", c.status().name());
    m.put("choice", c.choice() == null ? null : c.choice().name());
    m.put("version", c.version());
    return m;
  }

  /** A step recorded: the state before, and after it with the steps just appended. */
  void stepped(EmergencyCase c, StepType type, Map<String, Object> before, List<Step> appended) {
    Map<String, Object> after = snapshot(c);
    List<Map<String, Object>> added = new ArrayList<>();
    for (Step s : appended) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("step", s.type().name());
      step.put("at", s.at().toString());
      putIfSet(step, "staffIds", s.staffIds().isEmpty() ? null : s.staffIds());
      putIfSet(step, "code", s.code());
      putIfSet(step, "person", s.person());
      putIfSet(step, "flag", s.flag());
      putIfSet(step, "items", s.items().isEmpty() ? null : s.items());
      putIfSet(step, "note", s.note());
      added.add(step);
    }
    after.put("steps", added);
    audit.record(EmergencyCase.TYPE, c.id(), type.name(), before, after);
  }

  private static void putIfSet(Map<String, Object> m, String k, Object v) {
    if (v != null) {
      m.put(k, v);
    }
  }
}
