/**
 * The demo company: on first start with the embedded database, one community (滨江花园: 3 buildings,
 * 300 units, residents) and one login per role. Other areas add their demo records by listening for
 * {@link com.wuye.center.demo.DemoDataLoaded}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Demo 演示数据",
    allowedDependencies = {"shared", "estate", "staff"})
package com.wuye.center.demo;
