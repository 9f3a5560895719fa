package com.wuye.center.convenience.internal;

import com.wuye.center.announcement.BulletinBoards;
import com.wuye.center.convenience.CatalogService;
import com.wuye.center.convenience.CatalogService.ServiceForm;
import com.wuye.center.convenience.Offering.ProviderKind;
import com.wuye.center.demo.DemoDataLoaded;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import java.math.BigDecimal;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo catalog of 滨江花园: two free services, four paid ones, two of them noisy; and the service
 * center's phone its printed notices carry (CS-S1), when the community's board has none yet.
 */
@Component
class DemoCatalog {

  private final CatalogService catalog;
  private final BulletinBoards boards;

  DemoCatalog(CatalogService catalog, BulletinBoards boards) {
    this.catalog = catalog;
    this.boards = boards;
  }

  @EventListener
  void on(DemoDataLoaded e) {
    CurrentUser system = new CurrentUser(0, "system", "系统", 0L, null, Set.of(Role.ADMIN), Set.of());
    long c = e.communityId();
    if (boards.servicePhone(system, c).isEmpty()) {
      boards.setServicePhone(system, c, "0571-8888 6666");
    }
    catalog.create(
        system,
        c,
        new ServiceForm(
            "代收快递",
            "业户不在家时，服务中心代收快递包裹，到件后通知业户凭手机号取件。",
            null,
            null,
            120,
            false,
            ProviderKind.ROLE,
            Role.CUSTOMER_SERVICE,
            null,
            null,
            true,
            10));
    catalog.create(
        system,
        c,
        new ServiceForm(
            "家政保洁",
            "日常保洁、开荒保洁，按小时计费，由合作家政公司上门服务。",
            new BigDecimal("45.00"),
            "小时",
            24 * 60,
            false,
            ProviderKind.PARTNER,
            null,
            "好帮手家政服务部",
            "0571-86001234",
            true,
            20));
    catalog.create(
        system,
        c,
        new ServiceForm(
            "家电清洗",
            "空调、油烟机、洗衣机深度清洗（高压蒸汽设备，有噪音），按台计费。",
            new BigDecimal("80.00"),
            "台",
            24 * 60,
            true,
            ProviderKind.ROLE,
            Role.TECHNICIAN,
            null,
            null,
            true,
            30));
    catalog.create(
        system,
        c,
        new ServiceForm(
            "开锁换锁",
            "钥匙遗失或门锁故障时开锁、更换锁芯，须核验业户身份。",
            new BigDecimal("120.00"),
            "次",
            60,
            false,
            ProviderKind.PARTNER,
            null,
            "滨江便民开锁服务部",
            "0571-86005678",
            true,
            40));
    catalog.create(
        system,
        c,
        new ServiceForm(
            "搬家协助",
            "搬运家具、大件物品，协调电梯保护（有噪音），按小时计费。",
            new BigDecimal("60.00"),
            "小时",
            24 * 60,
            true,
            ProviderKind.ROLE,
            Role.SECURITY,
            null,
            null,
            true,
            50));
    catalog.create(
        system,
        c,
        new ServiceForm(
            "借用工具",
            "梯子、电钻、扳手等常用工具免费借用，凭业户身份登记，用后归还。",
            null,
            null,
            30,
            false,
            ProviderKind.ROLE,
            Role.CUSTOMER_SERVICE,
            null,
            null,
            true,
            60));
  }
}
