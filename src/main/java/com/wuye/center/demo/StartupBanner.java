package com.wuye.center.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Prints where the app is and, with the demo company, how to log in. */
@Component
class StartupBanner {

  private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);
  private final JdbcClient jdbc;

  StartupBanner(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    int port =
        event.getApplicationContext() instanceof WebServerApplicationContext w
                && w.getWebServer() != null
            ? w.getWebServer().getPort()
            : 8080;
    boolean demo =
        jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE username = 'kefu')")
            .query(Boolean.class)
            .single();
    StringBuilder sb =
        new StringBuilder(
            "\n\n  物业服务中心 Wuye Service Center is ready: http://localhost:" + port + "/\n");
    if (demo) {
      sb.append("  Demo logins (password ").append(DemoData.PASSWORD).append("):\n");
      for (DemoData.DemoStaff s : DemoData.STAFF) {
        sb.append(String.format("    %-11s %s%n", s.username(), s.roles()));
      }
      sb.append("    13800000001 resident (owner of 滨江花园 1-1-101)\n");
      sb.append("    13800000002 resident (owner of 滨江花园 1-1-102)\n");
    }
    log.info(sb.toString());
  }
}
