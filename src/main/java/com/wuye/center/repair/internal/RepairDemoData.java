package com.wuye.center.repair.internal;

import com.wuye.center.demo.DemoDataLoaded;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.repair.Dispatching;
import com.wuye.center.repair.RepairIntake;
import com.wuye.center.repair.RepairIntake.NewRepair;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo company's repairs (reported inside the demo loader's transaction): a realistic
 * company-wide price list (维修收费标准, labour per item) and three orders (one dispatched to 张建国, one
 * waiting for dispatch, one in a common area).
 */
@Component
class RepairDemoData {

  /** name, unit, price, category. */
  record Item(String name, String unit, String price, String category) {}

  static final List<Item> PRICE_LIST =
      List.of(
          new Item("更换水龙头（人工）", "个", "20.00", "WATER_ELECTRIC"),
          new Item("更换角阀（人工）", "个", "15.00", "WATER_ELECTRIC"),
          new Item("更换进水软管（人工）", "根", "10.00", "WATER_ELECTRIC"),
          new Item("更换 PPR 给水管（含管材）", "米", "35.00", "WATER_ELECTRIC"),
          new Item("更换开关/插座面板（人工）", "个", "10.00", "WATER_ELECTRIC"),
          new Item("更换灯具（人工）", "套", "30.00", "WATER_ELECTRIC"),
          new Item("更换空气开关（人工）", "个", "25.00", "WATER_ELECTRIC"),
          new Item("户内线路故障检修", "次", "50.00", "WATER_ELECTRIC"),
          new Item("更换门锁（人工）", "把", "40.00", "DOOR_WINDOW"),
          new Item("更换门合页", "个", "15.00", "DOOR_WINDOW"),
          new Item("更换窗户执手", "个", "20.00", "DOOR_WINDOW"),
          new Item("更换纱窗", "扇", "60.00", "DOOR_WINDOW"),
          new Item("疏通洗手盆/洗菜盆下水", "次", "50.00", "DRAIN"),
          new Item("疏通马桶", "次", "80.00", "DRAIN"),
          new Item("疏通地漏", "个", "40.00", "DRAIN"),
          new Item("上门检查（未维修）", "次", "20.00", "OTHER"));

  private final RepairCatalogRepository catalog;
  private final RepairIntake intake;
  private final Dispatching dispatching;
  private final EstateDirectory estate;
  private final StaffDirectory staff;

  RepairDemoData(
      RepairCatalogRepository catalog,
      RepairIntake intake,
      Dispatching dispatching,
      EstateDirectory estate,
      StaffDirectory staff) {
    this.catalog = catalog;
    this.intake = intake;
    this.dispatching = dispatching;
    this.estate = estate;
    this.staff = staff;
  }

  @EventListener
  void on(DemoDataLoaded e) {
    if (!catalog.hasPriceList()) {
      for (Item i : PRICE_LIST) {
        catalog.insertPriceItem(null, i.name(), i.unit(), new BigDecimal(i.price()), i.category());
      }
    }
    long community = e.communityId();
    StaffMember kefu = staff.withRole(community, Role.CUSTOMER_SERVICE).get(0);
    StaffMember tech =
        staff.withRole(community, Role.TECHNICIAN).stream()
            .filter(t -> t.name().equals("张建国"))
            .findFirst()
            .orElse(staff.withRole(community, Role.TECHNICIAN).get(0));
    CurrentUser cs =
        new CurrentUser(
            kefu.accountId() == null ? 0 : kefu.accountId(),
            "kefu",
            kefu.name(),
            kefu.id(),
            null,
            Set.of(Role.CUSTOMER_SERVICE),
            Set.of(community));

    Estate.Unit u101 = estate.unitByCode(community, "1-1-101").orElseThrow();
    Estate.Unit u102 = estate.unitByCode(community, "1-1-102").orElseThrow();
    var leak =
        intake.reportInTransaction(
            resident(u101),
            new NewRepair(
                u101.id(),
                null,
                null,
                "卫生间",
                "WATER_ELECTRIC",
                "卫生间洗手盆水龙头漏水，关不紧，一直滴水。",
                false,
                null,
                null,
                null,
                null),
            List.of());
    dispatching.dispatch(cs, leak.id(), tech.id(), 0);
    intake.reportInTransaction(
        resident(u102),
        new NewRepair(
            u102.id(),
            null,
            null,
            "主卧",
            "DOOR_WINDOW",
            "主卧窗户执手松动，窗户关不严，下雨会渗水。",
            false,
            null,
            null,
            null,
            null),
        List.of());
    Long building2 =
        estate.buildings(community).stream()
            .filter(b -> b.number().equals("2"))
            .map(Estate.Building::id)
            .findFirst()
            .orElse(null);
    intake.reportInTransaction(
        cs,
        new NewRepair(
            null,
            community,
            building2,
            "2栋1单元 5–8 楼楼道",
            "PUBLIC_FACILITY",
            "楼道声控灯不亮，晚上上下楼看不清。",
            false,
            "PATROL",
            null,
            null,
            null),
        List.of());
  }

  private CurrentUser resident(Estate.Unit unit) {
    var owner = estate.currentOccupants(unit.id()).get(0);
    return new CurrentUser(
        0,
        owner.residentPhone(),
        owner.residentName(),
        null,
        owner.residentId(),
        Set.of(Role.RESIDENT),
        Set.of());
  }
}
