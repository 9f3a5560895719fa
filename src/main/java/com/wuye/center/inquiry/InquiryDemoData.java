package com.wuye.center.inquiry;

import com.wuye.center.demo.DemoDataLoaded;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.inquiry.KnowledgeEntry.Topic;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Demo records: a few approved knowledge-base answers and one written consultation. */
@Component
class InquiryDemoData {

  private final KnowledgeBase knowledge;
  private final InquiryIntake intake;
  private final EstateDirectory estate;

  InquiryDemoData(KnowledgeBase knowledge, InquiryIntake intake, EstateDirectory estate) {
    this.knowledge = knowledge;
    this.intake = intake;
    this.estate = estate;
  }

  @EventListener
  void on(DemoDataLoaded e) {
    knowledge.seedApproved(
        "装修申请与押金退还",
        Topic.PROCEDURES,
        "装修 押金 装修申请 退还",
        "业户装修前，须持房屋所有权证明和装修方案到物业服务中心办理装修申请，签订《装修管理协议》，"
            + "缴纳装修押金 2000 元。施工时间为每日 8:00–12:00、14:00–18:00，节假日不得进行噪音作业。"
            + "竣工后经物业验收合格、无违规搭建且未损坏公共设施的，装修押金在验收后 15 个工作日内无息退还。");
    knowledge.seedApproved(
        "物业服务费收费标准",
        Topic.FEES,
        "物业费 收费 缴费",
        "住宅物业服务费为每月每平方米 2.50 元，商铺为每月每平方米 4.00 元，按季度预交。" + "可在物业服务中心收银处或网上缴纳；收费一律开具收据。");
    knowledge.seedApproved(
        "停车月租与临时停车",
        Topic.FEES,
        "停车 车位 月租 临时停车",
        "地下车位月租 300 元/月；访客临时停车首小时免费，之后每小时 5 元，当日最高 30 元。" + "办理月租请携带行驶证到物业服务中心登记。");
    knowledge.seedApproved(
        "门禁卡补办", Topic.PROCEDURES, "门禁卡 补办 丢失", "门禁卡丢失请及时到物业服务中心挂失，凭身份证件和房屋信息补办，工本费 20 元，当场可取。");
    knowledge.seedApproved(
        "欠费催缴内部口径",
        Topic.RULES,
        "欠费 催缴",
        "欠费满三个月的业户名单每月报经理审定后再发催缴函；对外只说明按规定发出缴费提醒，不透露其他业户欠费情况。",
        true);
    var unit = estate.unitByCode(e.communityId(), "1-1-101").orElse(null);
    if (unit == null || estate.currentOccupants(unit.id()).isEmpty()) {
      return;
    }
    long resident = estate.currentOccupants(unit.id()).get(0).residentId();
    CurrentUser owner =
        new CurrentUser(0, "demo", "demo", null, resident, Set.of(Role.RESIDENT), Set.of());
    intake.ask(
        owner, new InquiryIntake.Ask(unit.id(), "请问小区的装修押金什么时候可以退还？需要带什么材料？", null, null, null));
  }
}
