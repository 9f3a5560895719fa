package com.wuye.center.emergency;

import com.wuye.center.emergency.EmergencyCase.Status;
import java.time.Instant;

/** A case in a list: the contact phone masked, the time since the call, the next step. */
public record CaseRow(
    long id,
    String number,
    String unitLabel,
    String contactPhone,
    Choice choice,
    Status status,
    Instant calledAt,
    long secondsSinceCall,
    StepType nextStep,
    int notified,
    int acknowledged,
    Instant followUpDueAt,
    boolean followUpOverdue,
    Instant followUpDoneAt,
    ResponseTimes responseTimes) {}
