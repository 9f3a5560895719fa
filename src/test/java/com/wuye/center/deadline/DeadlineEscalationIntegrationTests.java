package com.wuye.center.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.Application;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import com.wuye.center.support.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class DeadlineEscalationIntegrationTests {

  @Autowired DeadlineClocks clocks;
  @Autowired TestClock testClock;
  @Autowired JdbcClient jdbc;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  @AfterEach
  void resetClock() {
    testClock.reset();
  }

  long community() {
    return new Demo(jdbc).community();
  }

  long staffId(String username) {
    return new Demo(jdbc).staffId(username);
  }

  List<String> notified(String username, String subjectId) {
    return jdbc.sql(
            "SELECT n.message_key FROM notification n JOIN account a ON a.id = n.account_id WHERE a.username = :u AND n.source_id = :s ORDER BY n.id")
        .param("u", username)
        .param("s", subjectId)
        .query(String.class)
        .list();
  }

  long startTestClock(String subject, Instant at) {
    return clocks.start(
        new DeadlineClocks.Start(
            "test",
            subject,
            "resolve",
            "测试事项 " + subject,
            "/staff",
            community(),
            staffId("gongcheng"),
            at,
            Duration.ofHours(24)));
  }

  @Test
  @DisplayName(
      "EN-3 warning at 80% to the assignee, breach to the supervisor, manager 4 hours later — each once")
  void escalatesWarningThenSupervisorThenManager() {
    Instant t0 = Instant.parse("2030-01-10T01:00:00Z");
    testClock.set(t0);
    String subject = UUID.randomUUID().toString();
    long id = startTestClock(subject, t0);

    testClock.set(t0.plus(Duration.ofHours(19))); // 79%
    clocks.sweep();
    assertThat(notified("gongcheng", subject)).isEmpty();

    testClock.set(t0.plus(Duration.ofMinutes(24 * 60 * 8 / 10))); // exactly 80%
    clocks.sweep();
    assertThat(notified("gongcheng", subject)).containsExactly("deadline.notify.WARNING");
    assertThat(notified("zhuguan", subject)).isEmpty();

    // a pause of 2 hours moves the breach by 2 hours
    testClock.set(t0.plus(Duration.ofHours(20)));
    clocks.pause(id, "PARTS_ON_ORDER", "等配件");
    testClock.set(t0.plus(Duration.ofHours(22)));
    clocks.resume(id);
    testClock.set(t0.plus(Duration.ofHours(25)).plus(Duration.ofMinutes(59)));
    clocks.sweep();
    assertThat(notified("zhuguan", subject)).isEmpty();
    assertThat(clocks.view(id).dueAt()).isEqualTo(t0.plus(Duration.ofHours(26)));

    testClock.set(t0.plus(Duration.ofHours(26)).plusSeconds(1));
    clocks.sweep();
    assertThat(notified("zhuguan", subject)).containsExactly("deadline.notify.BREACH");
    assertThat(notified("jingli", subject)).isEmpty();
    assertThat(clocks.view(id).breached()).isTrue();

    testClock.set(t0.plus(Duration.ofHours(30)).plusSeconds(1));
    clocks.sweep();
    clocks.sweep();
    assertThat(notified("jingli", subject)).containsExactly("deadline.notify.ESCALATION");
    assertThat(notified("gongcheng", subject))
        .containsExactly("deadline.notify.WARNING", "deadline.notify.BREACH");
    assertThat(clocks.view(id).fired())
        .containsExactly(
            DeadlineClock.Level.WARNING,
            DeadlineClock.Level.BREACH,
            DeadlineClock.Level.ESCALATION);
  }

  @Test
  void administratorsCanRunASweepOverTheApiOthersCannot() {
    var admin = com.wuye.center.support.Api.login(port, "admin");
    var r = admin.post("/api/v1/admin/deadlines/sweep", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().has("millis")).isTrue();
    assertThat(
            com.wuye.center.support.Api.login(port, "jingli")
                .post("/api/v1/admin/deadlines/sweep", null)
                .status())
        .isEqualTo(403);
  }

  @Test
  @DisplayName("EN-3 two scheduler instances on one database escalate once")
  void twoNodesSweepingAtOnceEscalateOnce() throws Exception {
    Instant t0 = Instant.parse("2031-03-01T01:00:00Z");
    testClock.set(t0);
    List<String> subjects = new java.util.ArrayList<>();
    List<Long> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String s = UUID.randomUUID().toString();
      subjects.add(s);
      ids.add(startTestClock(s, t0));
    }
    testClock.set(t0.plus(Duration.ofHours(30))); // every level of every clock is due
    try (ConfigurableApplicationContext second =
        new SpringApplicationBuilder(Application.class)
            .properties(
                "server.port=0",
                "wuye.db.embedded.data-dir=",
                "wuye.db.embedded.port=0",
                "spring.main.banner-mode=off",
                "wuye.db.pool-size=4",
                "wuye.deadline.sweep-batch=7")
            .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", (Clock) testClock))
            .run()) {
      DeadlineClocks other = second.getBean(DeadlineClocks.class);
      CyclicBarrier together = new CyclicBarrier(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Callable<DeadlineClocks.SweepResult> a =
            () -> {
              together.await();
              return clocks.sweep();
            };
        Callable<DeadlineClocks.SweepResult> b =
            () -> {
              together.await();
              return other.sweep();
            };
        Future<DeadlineClocks.SweepResult> fa = pool.submit(a);
        Future<DeadlineClocks.SweepResult> fb = pool.submit(b);
        int fired = fa.get().levelsFired() + fb.get().levelsFired();
        assertThat(fired).isGreaterThanOrEqualTo(40 * 3); // other tests' clocks may be due too
      } finally {
        pool.shutdown();
      }
    }
    for (String s : subjects) {
      assertThat(notified("gongcheng", s))
          .containsExactly("deadline.notify.WARNING", "deadline.notify.BREACH");
      assertThat(notified("zhuguan", s)).containsExactly("deadline.notify.BREACH");
      assertThat(notified("jingli", s)).containsExactly("deadline.notify.ESCALATION");
    }
  }
}
