package com.wuye.center.demo;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.estate.EstateService;
import com.wuye.center.estate.UnitImport;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.IdDocument;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo company into an empty embedded database (never into an external one unless {@code
 * wuye.demo.on-external-db=true}); {@code --no-demo} or {@code wuye.demo.enabled=false} turns it
 * off.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  static final String PASSWORD = "Wuye@Demo2026";

  /** username, name, roles, shift leader. */
  record DemoStaff(String username, String name, Set<Role> roles, boolean shiftLeader) {}

  static final List<DemoStaff> STAFF =
      List.of(
          new DemoStaff("admin", "系统管理员", EnumSet.of(Role.ADMIN), false),
          new DemoStaff("kefu", "李晓梅", EnumSet.of(Role.CUSTOMER_SERVICE), false),
          new DemoStaff("kefu2", "周婷", EnumSet.of(Role.CUSTOMER_SERVICE), false),
          new DemoStaff("shouyin", "王丽", EnumSet.of(Role.CASHIER), false),
          new DemoStaff("gongcheng", "张建国", EnumSet.of(Role.TECHNICIAN), false),
          new DemoStaff("gongcheng2", "刘师傅", EnumSet.of(Role.TECHNICIAN), false),
          new DemoStaff("baoan", "赵强", EnumSet.of(Role.SECURITY), true),
          new DemoStaff("baoan2", "孙勇", EnumSet.of(Role.SECURITY), false),
          new DemoStaff("baoan3", "钱磊", EnumSet.of(Role.SECURITY), false),
          new DemoStaff("zhuguan", "陈主管", EnumSet.of(Role.SUPERVISOR), false),
          new DemoStaff("jingli", "黄经理", EnumSet.of(Role.MANAGER), false),
          new DemoStaff("zongbu", "吴总监", EnumSet.of(Role.COMPANY_MANAGER), false));

  private static final String SURNAMES =
      "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
  private static final String[] GIVEN = {
    "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰",
    "霞", "平", "刚", "桂英", "建华", "志强", "海燕", "婷婷", "晓东", "国庆", "玉兰"
  };

  private final JdbcClient jdbc;
  private final EstateService estate;
  private final UnitImport importer;
  private final EstateDirectory directory;
  private final StaffService staff;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Environment env;

  DemoData(
      JdbcClient jdbc,
      EstateService estate,
      UnitImport importer,
      EstateDirectory directory,
      StaffService staff,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Environment env) {
    this.jdbc = jdbc;
    this.estate = estate;
    this.importer = importer;
    this.directory = directory;
    this.staff = staff;
    this.events = events;
    this.tx = tx;
    this.env = env;
  }

  @Value("${wuye.demo.enabled:true}")
  private boolean enabled;

  @Value("${wuye.demo.on-external-db:false}")
  private boolean onExternalDb;

  @Override
  public void run(ApplicationArguments args) {
    boolean embedded = env.getProperty("spring.datasource.url", "").isBlank();
    if (!enabled || args.containsOption("no-demo") || (!embedded && !onExternalDb)) {
      return;
    }
    Long existing = jdbc.sql("SELECT count(*) FROM community").query(Long.class).single();
    if (existing > 0) {
      return;
    }
    long started = System.currentTimeMillis();
    tx.execute(s -> load());
    log.info(
        "Demo company loaded in {} ms (滨江花园, 300 units; demo password {})",
        System.currentTimeMillis() - started,
        PASSWORD);
  }

  private long load() {
    CurrentUser system = new CurrentUser(0, "system", "系统", 0L, null, Set.of(Role.ADMIN), Set.of());
    long community =
        estate.createCommunity(
            system, new EstateService.NewCommunity("BJHY", "滨江花园", "杭州市滨江区江南大道 888 号"));
    StringBuilder csv = new StringBuilder("楼栋,单元,楼层,房号,建筑面积,用途,姓名,关系,手机,证件类型,证件号码,入住日期\n");
    int n = 0;
    for (int b = 1; b <= 3; b++) {
      for (int e = 1; e <= 2; e++) {
        for (int f = 1; f <= 25; f++) {
          for (int r = 1; r <= 2; r++) {
            n++;
            String room = f + "0" + r;
            String area = (r == 1 ? "89.50" : "128.36");
            csv.append(b)
                .append(',')
                .append(e)
                .append(',')
                .append(f)
                .append(',')
                .append(room)
                .append(',')
                .append(area)
                .append(",住宅,");
            if (n % 10 != 0) { // nine in ten units have a registered owner
              String name = SURNAMES.charAt(n % SURNAMES.length()) + GIVEN[(n * 7) % GIVEN.length];
              String phone = "138" + String.format("%08d", n);
              String id =
                  IdDocument.withCheckDigit(
                      "330106"
                          + (1950 + n % 50)
                          + String.format("%02d", 1 + n % 12)
                          + String.format("%02d", 1 + n % 28)
                          + String.format("%03d", n % 1000));
              csv.append(name)
                  .append(",业主,")
                  .append(phone)
                  .append(",身份证,")
                  .append(id)
                  .append(",2020-0")
                  .append(1 + n % 9)
                  .append("-15");
            } else {
              csv.append(",,,,,");
            }
            csv.append('\n');
          }
        }
      }
    }
    var report =
        importer.importFile(
            system,
            community,
            "demo.csv",
            new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
            UnitImport.Mode.ALL_OR_NOTHING);
    if (!report.imported()) {
      throw new IllegalStateException("demo import refused: " + report.errors());
    }
    for (DemoStaff s : STAFF) {
      staff.createStaff(
          null,
          new StaffService.NewStaff(
              s.username(),
              PASSWORD,
              s.name(),
              null,
              s.roles(),
              Set.of(community),
              s.shiftLeader()));
    }
    // Residents with portal logins: the owners of 1-1-101 and 1-1-102 (phone numbers as usernames)
    for (String code : List.of("1-1-101", "1-1-102")) {
      var unit = directory.unitByCode(community, code).orElseThrow();
      var owner = directory.currentOccupants(unit.id()).get(0);
      staff.createResidentAccount(null, owner.residentId(), owner.residentPhone(), PASSWORD);
    }
    events.publishEvent(new DemoDataLoaded(community));
    return community;
  }
}
