package com.wuye.center.renovation;

/** A worker of the contractor, named on the permit (RN-9); the ID only fingerprinted and masked. */
public record Worker(String name, WorkerId document, String phone) {}
