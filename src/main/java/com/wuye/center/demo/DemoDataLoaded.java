package com.wuye.center.demo;

/** Published once the demo company exists, so other areas can add their own demo records. */
public record DemoDataLoaded(long communityId) {}
