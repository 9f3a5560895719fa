package com.wuye.center.support;

import com.wuye.center.billing.Arrears;
import com.wuye.center.billing.Billing;
import com.wuye.center.billing.OneOffCharges;
import com.wuye.center.complaint.Complaint;
import com.wuye.center.complaint.ComplaintIntake;
import com.wuye.center.convenience.Announcements;
import com.wuye.center.convenience.CatalogService;
import com.wuye.center.convenience.Offering;
import com.wuye.center.convenience.ServiceOrder;
import com.wuye.center.convenience.ServiceOrdering;
import com.wuye.center.emergency.EmergencyIntake;
import com.wuye.center.estate.EstateService;
import com.wuye.center.keycustody.Entrusting;
import com.wuye.center.keycustody.KeyCabinets;
import com.wuye.center.keycustody.KeyInventory;
import com.wuye.center.keycustody.KeyStorage;
import com.wuye.center.notice.StaffNotices;
import com.wuye.center.repair.PriceList;
import com.wuye.center.repair.RepairIntake;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.security.RecordKind;
import com.wuye.center.staff.StaffService;
import com.wuye.center.upkeep.Checkpoints;
import com.wuye.center.upkeep.EquipmentDocuments;
import com.wuye.center.upkeep.EquipmentKind;
import com.wuye.center.upkeep.EquipmentRegister;
import com.wuye.center.upkeep.MaintenanceInterval;
import com.wuye.center.upkeep.MaintenancePlanner;
import com.wuye.center.upkeep.MaintenancePlans;
import com.wuye.center.upkeep.PatrolRoutes;
import com.wuye.center.upkeep.PatrolTeam;
import com.wuye.center.upkeep.ReadingKind;
import com.wuye.center.upkeep.RoundPlanner;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Two communities of one company, for authorization tests: A is the demo community 滨江花园 (BJHY, demo
 * records of every area, its demo logins), B a new community with a unit, its owner with a portal
 * login, one staff login per role serving only B, and a record of each kind an operation names in
 * its path (a repair, a complaint, an entrustment with a stored key …), so a request can name B's
 * own records in the path and A's in the body. {@link #idsA()} and {@link #idsB()} give one record
 * of each {@link RecordKind} per community.
 */
public final class TwoCommunities {

  public static final String PASSWORD = "Zq7#Lm2!Tr9w";

  /** Someone calling the app: a staff member, a resident, or nobody (not logged in). */
  public record Actor(String label, String username, Set<Role> roles, Authentication auth) {
    public boolean loggedIn() {
      return auth != null;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private final long communityA;
  private final Demo.NewCommunity communityB;
  private final Map<Role, Actor> staffA = new EnumMap<>(Role.class);
  private final Map<Role, Actor> staffB = new EnumMap<>(Role.class);
  private final Actor residentA;
  private final Actor residentB;
  private final Actor neighbourA;
  private final Map<RecordKind, String> idsA;
  private final Map<RecordKind, String> idsB;
  private final RecordIds records;

  private TwoCommunities(ApplicationContext context) {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    Demo demo =
        new Demo(jdbc, context.getBean(EstateService.class), context.getBean(StaffService.class));
    UserDetailsService users = context.getBean(UserDetailsService.class);
    records = new RecordIds(jdbc);
    communityA = demo.community();
    Map<Role, String> demoLogins =
        Map.of(
            Role.CUSTOMER_SERVICE, "kefu",
            Role.CASHIER, "shouyin",
            Role.TECHNICIAN, "gongcheng",
            Role.SECURITY, "baoan",
            Role.SUPERVISOR, "zhuguan",
            Role.MANAGER, "jingli",
            Role.ADMIN, "admin",
            Role.COMPANY_MANAGER, "zongbu");
    demoLogins.forEach(
        (role, username) -> staffA.put(role, actor("A " + role, username, Set.of(role), users)));
    residentA = actor("A resident", "13800000001", Set.of(Role.RESIDENT), users);
    neighbourA = actor("A neighbour", neighbourLogin(context, demo, jdbc), Set.of(), users);

    communityB = demo.newCommunity();
    long unitB = demo.newUnit(communityB, "1502", "88.50", LocalDate.of(2020, 1, 1));
    long residentIdB =
        jdbc.sql("SELECT resident_id FROM occupancy WHERE unit_id = :u")
            .param("u", unitB)
            .query(Long.class)
            .single();
    for (Role role : Role.values()) {
      if (role.isStaffRole() && role != Role.ADMIN) {
        String username = demo.newStaff(PASSWORD, Set.of(role), Set.of(communityB.id()));
        staffB.put(role, actor("B " + role, username, Set.of(role), users));
      }
    }
    residentB = actor("B resident", residentLogin(context, jdbc, residentIdB), Set.of(), users);
    new RecordsOfB(context, demo, this, unitB, residentIdB).create();
    new RecordsOfA(context, demo, communityA, records.of(communityA)).create();
    idsA = records.of(communityA);
    idsB = records.of(communityB.id());
  }

  /** The world, built once per Spring context (every integration test shares one). */
  public static synchronized TwoCommunities of(ApplicationContext context) {
    return WORLDS.computeIfAbsent(context, TwoCommunities::new);
  }

  private static final Map<ApplicationContext, TwoCommunities> WORLDS = new LinkedHashMap<>();

  /**
   * Opens the resident's portal login the way customer service does (the username is their phone).
   */
  private static String residentLogin(ApplicationContext context, JdbcClient jdbc, long resident) {
    String phone =
        jdbc.sql("SELECT phone FROM resident WHERE id = :r")
            .param("r", resident)
            .query(String.class)
            .single();
    context.getBean(StaffService.class).createResidentAccount(null, resident, phone, PASSWORD);
    return phone;
  }

  /**
   * A resident of A in a unit of their own (a new building), with a portal login: none of A's
   * records of a unit are theirs.
   */
  private static String neighbourLogin(ApplicationContext context, Demo demo, JdbcClient jdbc) {
    long a = demo.community();
    long building =
        context
            .getBean(EstateService.class)
            .createBuilding(Demo.ADMIN, a, Demo.unique("N"), null, 30);
    long unit =
        demo.newUnit(
            new Demo.NewCommunity(a, "A", building), "1201", "90.00", LocalDate.of(2021, 3, 1));
    long resident =
        jdbc.sql("SELECT resident_id FROM occupancy WHERE unit_id = :u")
            .param("u", unit)
            .query(Long.class)
            .single();
    return residentLogin(context, jdbc, resident);
  }

  private static Actor actor(
      String label, String username, Set<Role> roles, UserDetailsService users) {
    UserDetails principal = users.loadUserByUsername(username);
    Authentication auth =
        UsernamePasswordAuthenticationToken.authenticated(
            principal, null, principal.getAuthorities());
    Set<Role> actual =
        ((CurrentUser.Holder) principal).currentUser().roles().isEmpty()
            ? roles
            : ((CurrentUser.Holder) principal).currentUser().roles();
    return new Actor(label, username, actual, auth);
  }

  public long communityA() {
    return communityA;
  }

  public long communityB() {
    return communityB.id();
  }

  /** A's staff, one demo login per staff role (the administrator serves every community). */
  public Map<Role, Actor> staffA() {
    return staffA;
  }

  /** B's staff, one login per staff role but the administrator, serving only B. */
  public Map<Role, Actor> staffB() {
    return staffB;
  }

  public Actor residentA() {
    return residentA;
  }

  public Actor residentB() {
    return residentB;
  }

  /** Another resident of A, in a unit of their own: A's unit records are not theirs. */
  public Actor neighbourA() {
    return neighbourA;
  }

  public static Actor anonymous() {
    return new Actor("anonymous", null, Set.of(), null);
  }

  /** One record of each kind in A (absent kinds: none in the demo data). */
  public Map<RecordKind, String> idsA() {
    return idsA;
  }

  /** One record of each kind in B. */
  public Map<RecordKind, String> idsB() {
    return idsB;
  }

  public RecordIds records() {
    return records;
  }

  CurrentUser userB(Role role) {
    return ((CurrentUser.Holder) staffB.get(role).auth().getPrincipal()).currentUser();
  }

  /** Records of kinds A's demo data lacks, made through the use cases as A's staff. */
  private record RecordsOfA(
      ApplicationContext context, Demo demo, long community, Map<RecordKind, String> ids) {

    void create() {
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      LocalDate today = LocalDate.now(context.getBean(Clock.class));
      CurrentUser desk = demo.staffUser("kefu");
      long unit = Long.parseLong(ids.get(RecordKind.UNIT));
      context
          .getBean(PriceList.class)
          .add(Demo.ADMIN, community, "测试项目" + Demo.unique(""), "个", new BigDecimal("5.00"), null);
      context.getBean(Announcements.class).issue(desk, community, "便民服务告示");
      var service =
          jdbc.sql(
                  "SELECT id, price FROM convenience_service WHERE community_id = :c AND active"
                      + " AND NOT noisy ORDER BY id LIMIT 1")
              .param("c", community)
              .query()
              .singleRow();
      context
          .getBean(ServiceOrdering.class)
          .place(
              desk,
              new ServiceOrdering.NewOrder(
                  ((Number) service.get("id")).longValue(),
                  unit,
                  null,
                  "业主",
                  "13900000002",
                  today.plusDays(1).atTime(10, 0),
                  BigDecimal.ONE,
                  (BigDecimal) service.get("price"),
                  ServiceOrder.Channel.PHONE,
                  null));
      CurrentUser cashier = demo.staffUser("shouyin");
      var arrears = context.getBean(Arrears.class).arrears(cashier, community, null);
      if (!arrears.isEmpty()) {
        context.getBean(Arrears.class).remind(cashier, community, List.of(arrears.get(0).unitId()));
      }
      context
          .getBean(StaffNotices.class)
          .publish(
              demo.staffUser("zhuguan"),
              new StaffNotices.NewNotice(
                  "告示", "发生了什么", "今后怎么做", Set.of(community), null, null, null));
      context
          .getBean(KeyInventory.class)
          .check(
              demo.staffUser("baoan"), Long.parseLong(ids.get(RecordKind.KEY_CABINET)), List.of());
      context
          .getBean(RepairIntake.class)
          .addPhotos(
              desk,
              Long.parseLong(ids.get(RecordKind.REPAIR)),
              List.of(new RepairIntake.Photo("photo.jpg", Demo.jpeg())));
      context
          .getBean(EquipmentDocuments.class)
          .upload(
              demo.staffUser("jingli"),
              Long.parseLong(ids.get(RecordKind.EQUIPMENT)),
              "说明书",
              Demo.jpeg());
    }
  }

  /** B's records of the kinds operations name in their paths, made through the use cases. */
  private record RecordsOfB(
      ApplicationContext context, Demo demo, TwoCommunities world, long unit, long resident) {

    void create() {
      LocalDate today = LocalDate.now(bean(Clock.class));
      CurrentUser desk = world.userB(Role.CUSTOMER_SERVICE);
      CurrentUser manager = world.userB(Role.MANAGER);
      long community = world.communityB();
      bean(RepairIntake.class)
          .report(
              desk,
              new RepairIntake.NewRepair(
                  unit,
                  null,
                  null,
                  null,
                  "WATER_ELECTRIC",
                  "厨房水管漏水",
                  false,
                  null,
                  null,
                  null,
                  null),
              List.of(),
              null);
      bean(com.wuye.center.complaint.Departments.class)
          .register(manager, community, "工程部", manager.staffId());
      bean(ComplaintIntake.class)
          .receive(
              desk,
              new ComplaintIntake.NewComplaint(
                  null,
                  unit,
                  null,
                  Complaint.Channel.PHONE,
                  categoryCode(),
                  "业主",
                  "13900000001",
                  "楼道灯坏了一周没人修"));
      long service =
          bean(CatalogService.class)
              .create(
                  manager,
                  community,
                  new CatalogService.ServiceForm(
                      "开锁",
                      "上门开锁",
                      new BigDecimal("50.00"),
                      "次",
                      60,
                      false,
                      Offering.ProviderKind.ROLE,
                      Role.TECHNICIAN,
                      null,
                      null,
                      true,
                      1));
      bean(Announcements.class).issue(desk, community, "便民服务告示");
      bean(ServiceOrdering.class)
          .place(
              desk,
              new ServiceOrdering.NewOrder(
                  service,
                  unit,
                  null,
                  "业主",
                  "13900000001",
                  today.plusDays(1).atTime(10, 0),
                  BigDecimal.ONE,
                  new BigDecimal("50.00"),
                  ServiceOrder.Channel.PHONE,
                  null));
      bean(EmergencyIntake.class)
          .open(
              desk,
              new EmergencyIntake.NewCase(
                  null, unit, null, "13900000001", "家属", "FAMILY", "老人晕倒", null));
      keys(desk, community, today);
      bean(OneOffCharges.class)
          .raise(
              world.userB(Role.CASHIER),
              unit,
              new OneOffCharges.NewCharge(Billing.Item.DEPOSIT, "装修押金", new BigDecimal("100")));
      bean(PriceList.class).add(manager, community, "换水龙头", "个", new BigDecimal("30.00"), null);
      upkeep(manager, community, today);
    }

    /** An item of equipment with a document and a plan, a route of one checkpoint, its rounds. */
    private void upkeep(CurrentUser manager, long community, LocalDate today) {
      long equipment =
          bean(EquipmentRegister.class)
              .register(
                  manager,
                  community,
                  new EquipmentRegister.Entry(
                      "生活水泵", EquipmentKind.PUMP, null, "地下一层", null, null, null, null, null));
      bean(EquipmentDocuments.class).upload(manager, equipment, "说明书", Demo.jpeg());
      bean(MaintenancePlans.class)
          .create(
              manager,
              equipment,
              new MaintenancePlans.Entry(
                  "月度保养", MaintenanceInterval.Unit.MONTHS, 1, today, 3, null, "检查"));
      long checkpoint =
          bean(Checkpoints.class)
              .create(
                  manager,
                  community,
                  new Checkpoints.Entry(
                      "泵房",
                      "地下一层",
                      null,
                      equipment,
                      List.of(
                          new Checkpoints.SpecEntry(
                              ReadingKind.PRESSURE,
                              "出水压力",
                              "MPa",
                              new BigDecimal("0.30"),
                              new BigDecimal("0.60")))));
      long route =
          bean(PatrolRoutes.class)
              .create(
                  manager,
                  community,
                  new PatrolRoutes.Entry(
                      "全天巡逻",
                      PatrolTeam.SECURITY,
                      null,
                      EnumSet.allOf(DayOfWeek.class),
                      LocalTime.of(0, 0),
                      LocalTime.of(23, 59),
                      240));
      bean(PatrolRoutes.class).addCheckpoint(manager, route, 0, checkpoint);
      bean(RoundPlanner.class).planAhead();
      bean(MaintenancePlanner.class).run();
    }

    private void keys(CurrentUser desk, long community, LocalDate today) {
      long cabinet =
          bean(KeyCabinets.class)
              .createCabinet(
                  Demo.ADMIN,
                  new KeyCabinets.NewCabinet(community, Demo.unique("KB"), "钥匙柜", "服务中心", 4));
      long entrustment =
          bean(Entrusting.class)
              .deposit(
                  desk,
                  new Entrusting.Deposit(
                      unit,
                      resident,
                      1,
                      List.of("入户门"),
                      "出差",
                      today,
                      today.plusDays(30),
                      true,
                      List.of(),
                      true,
                      Demo.signature(),
                      null));
      long slot =
          context
              .getBean(JdbcClient.class)
              .sql("SELECT min(id) FROM keycustody_slot WHERE cabinet_id = :c")
              .param("c", cabinet)
              .query(Long.class)
              .single();
      bean(KeyStorage.class).store(desk, entrustment, null, slot);
    }

    private String categoryCode() {
      return context
          .getBean(JdbcClient.class)
          .sql("SELECT code FROM complaint_category WHERE active ORDER BY sort_order LIMIT 1")
          .query(String.class)
          .single();
    }

    private <T> T bean(Class<T> type) {
      return context.getBean(type);
    }
  }
}
