package com.wuye.center.report.web;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.report.Reports;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.MenuItem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The managers' report page and its JSON. */
@Controller
@Tag(name = "Reports 报表")
class ReportWeb {

  private final Reports reports;
  private final EstateDirectory estate;

  ReportWeb(Reports reports, EstateDirectory estate) {
    this.reports = reports;
    this.estate = estate;
  }

  @GetMapping("/staff/reports")
  String page(
      @RequestParam(required = false) Long community,
      @RequestParam(required = false) Integer days,
      Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("summary", reports.summary(user, community, days));
    model.addAttribute("communities", estate.communitiesFor(user));
    return "report/summary";
  }

  /** The JSON API (its errors are Problem Details, not pages). */
  @org.springframework.web.bind.annotation.RestController
  @Tag(name = "Reports 报表")
  static class Api {
    private final Reports reports;

    Api(Reports reports) {
      this.reports = reports;
    }

    @GetMapping("/api/v1/reports/summary")
    @Operation(
        summary =
            "Deadlines met, satisfaction, conduct answers, integrity cases (managers) and notice read rates, per community and staff member")
    Reports.Summary api(
        @RequestParam(required = false) Long communityId,
        @RequestParam(required = false) Integer days) {
      return reports.summary(Actors.require(), communityId, days);
    }
  }

  @Component
  static class Menu implements MenuItem.Contributor {
    @Override
    public List<MenuItem> menuItems() {
      return List.of(
          new MenuItem(
              "report.title",
              "/staff/reports",
              EnumSet.of(Role.MANAGER, Role.SUPERVISOR, Role.ADMIN),
              80));
    }
  }
}
