package com.wuye.center.renovation.internal;

import com.wuye.center.demo.DemoDataLoaded;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.renovation.RenovationApplication.Recommendation;
import com.wuye.center.renovation.RenovationIntake;
import com.wuye.center.renovation.RenovationIntake.Request;
import com.wuye.center.renovation.RenovationIntake.WorkerRow;
import com.wuye.center.renovation.RenovationReview;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.IdDocument;
import com.wuye.center.shared.Role;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo renovations of 滨江花园: 2-1-1501 applied at the desk, reviewed by engineering and approved (its
 * deposit is then paid, works started and the hidden works passed by {@link RenovationDemoWorks}),
 * and 1-1-102 applied on the portal by its owner, awaiting review.
 */
@Component
class RenovationDemoData {

  static final String IN_PROGRESS_KEY = "demo-renovation-2-1-1501";

  private final RenovationIntake intake;
  private final RenovationReview review;
  private final EstateDirectory estate;
  private final DemoUsers users;
  private final Clock clock;

  RenovationDemoData(
      RenovationIntake intake,
      RenovationReview review,
      EstateDirectory estate,
      DemoUsers users,
      Clock clock) {
    this.intake = intake;
    this.review = review;
    this.estate = estate;
    this.users = users;
    this.clock = clock;
  }

  @EventListener
  void on(DemoDataLoaded e) {
    long community = e.communityId();
    LocalDate today = LocalDate.now(clock);
    CurrentUser kefu = users.staff(community, Role.CUSTOMER_SERVICE);
    Estate.Unit u1501 = estate.unitByCode(community, "2-1-1501").orElseThrow();
    var first =
        intake.apply(
            kefu,
            new Request(
                u1501.id(),
                estate.currentOccupants(u1501.id()).get(0).residentName(),
                estate.currentOccupants(u1501.id()).get(0).residentPhone(),
                "杭州匠心装饰工程有限公司",
                "王建军",
                "13912345678",
                List.of(
                    new WorkerRow("王建军", "RESIDENT_ID", id("33010619800101001"), "13912345678"),
                    new WorkerRow("李水电", "RESIDENT_ID", id("33010619850505002"), null),
                    new WorkerRow("陈木工", "RESIDENT_ID", id("33010619900909003"), null)),
                List.of("WATER_ELECTRIC", "WALLS"),
                "厨房、卫生间水电改造，客厅与餐厅之间砌一道轻质隔墙，墙面重新刷漆。",
                today,
                today.plusDays(45),
                true),
            List.of(new RenovationIntake.Upload("drawing.png", drawing())),
            List.of(),
            IN_PROGRESS_KEY);
    review.review(
        users.staff(community, Role.TECHNICIAN),
        first.id(),
        null,
        Recommendation.APPROVE,
        "图纸与现场一致，隔墙为轻质砌块，不涉及承重结构；水电改造须做隐蔽工程验收。");
    review.approve(
        users.staff(community, Role.SUPERVISOR), first.id(), null, "同意施工，按小区装修管理规定执行。", null, null);

    Estate.Unit u102 = estate.unitByCode(community, "1-1-102").orElseThrow();
    intake.apply(
        users.resident(u102.id()),
        new Request(
            u102.id(),
            null,
            null,
            "杭州安居家装服务部",
            "赵师傅",
            "13700001111",
            List.of(new WorkerRow("赵德明", "RESIDENT_ID", id("33010219750303004"), null)),
            List.of("BALCONY"),
            "阳台地面重新铺砖，更换阳台晾衣架，不改变阳台结构。",
            today.plusDays(7),
            today.plusDays(21),
            true),
        List.of(),
        List.of(),
        "demo-renovation-1-1-102");
  }

  private static String id(String first17) {
    return IdDocument.withCheckDigit(first17);
  }

  /** A simple floor plan: a room with a partition wall drawn in. */
  private static byte[] drawing() {
    BufferedImage image = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 480, 320);
    g.setColor(Color.DARK_GRAY);
    g.setStroke(new BasicStroke(6));
    g.drawRect(20, 20, 440, 280);
    g.setColor(new Color(11, 110, 79));
    g.setStroke(
        new BasicStroke(4, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {12}, 0));
    g.drawLine(240, 20, 240, 200);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toByteArray();
  }
}
