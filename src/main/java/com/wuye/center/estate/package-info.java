/**
 * Estate: communities (小区) → buildings (楼栋) → units (房屋), residents (业户), occupancy with its
 * history, and import from Excel/CSV ({@link com.wuye.center.estate.UnitImport}). Public face:
 * {@link com.wuye.center.estate.EstateService} (changes) and {@link
 * com.wuye.center.estate.EstateDirectory} (reads and access checks).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Estate 房产与业户",
    allowedDependencies = "shared")
package com.wuye.center.estate;
