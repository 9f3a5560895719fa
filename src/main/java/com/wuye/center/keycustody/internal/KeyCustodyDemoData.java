package com.wuye.center.keycustody.internal;

import com.wuye.center.demo.DemoDataLoaded;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.keycustody.Entrusting;
import com.wuye.center.keycustody.KeyCabinets;
import com.wuye.center.keycustody.KeyStorage;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.IdDocument;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo records: the front-desk key cabinet A (40 slots) of the demo community, and the owner of
 * 1-1-102 (portal login 13800000002) has entrusted two keys, stored in A-01, with a family member
 * allowed to collect them.
 */
@Component
class KeyCustodyDemoData {

  private final KeyCabinets cabinets;
  private final Entrusting entrusting;
  private final KeyStorage storage;
  private final EstateDirectory estate;
  private final StaffDirectory staff;

  KeyCustodyDemoData(
      KeyCabinets cabinets,
      Entrusting entrusting,
      KeyStorage storage,
      EstateDirectory estate,
      StaffDirectory staff) {
    this.cabinets = cabinets;
    this.entrusting = entrusting;
    this.storage = storage;
    this.estate = estate;
    this.staff = staff;
  }

  @EventListener
  void on(DemoDataLoaded event) {
    long community = event.communityId();
    StaffMember clerk =
        staff.withRole(community, Role.CUSTOMER_SERVICE).stream().findFirst().orElseThrow();
    CurrentUser user =
        new CurrentUser(
            0,
            "demo",
            clerk.name(),
            clerk.id(),
            null,
            EnumSet.of(Role.CUSTOMER_SERVICE, Role.ADMIN),
            Set.of(community));
    long cabinet =
        cabinets.createCabinet(
            user, new KeyCabinets.NewCabinet(community, "A", "前台钥匙柜", "服务中心前台", 40));
    var unit = estate.unitByCode(community, "1-1-102").orElseThrow();
    var owner = estate.currentOccupants(unit.id()).get(0);
    long entrustment =
        entrusting.deposit(
            user,
            new Entrusting.Deposit(
                unit.id(),
                owner.residentId(),
                2,
                List.of("入户门", "信箱"),
                "出差两周，期间家人来取",
                null,
                null,
                true,
                List.of(
                    new Entrusting.NamedPerson(
                        "王小明",
                        IdDocument.Type.RESIDENT_ID.name(),
                        IdDocument.withCheckDigit("33010619900101123"),
                        "13912345678")),
                true,
                signature(),
                null));
    long firstSlot = cabinets.cabinet(user, cabinet).slots().get(0).id();
    storage.store(user, entrustment, null, firstSlot);
  }

  /** A scribble, as the signature pad would send it. */
  static String signature() {
    BufferedImage image = new BufferedImage(240, 80, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(3));
    g.drawPolyline(new int[] {20, 60, 90, 120, 160, 200}, new int[] {60, 20, 55, 25, 60, 30}, 6);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
  }
}
