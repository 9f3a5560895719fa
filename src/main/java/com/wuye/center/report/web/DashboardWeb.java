package com.wuye.center.report.web;

import com.wuye.center.report.Dashboard;
import com.wuye.center.report.DashboardRecords;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.MenuItem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** The managers' dashboard page (charts with table views), its JSON and the drill-down list. */
@Controller
class DashboardWeb {

  private final Dashboard dashboard;
  private final DashboardRecords records;
  private final ChartLabels labels;
  private final ObjectMapper json;

  DashboardWeb(
      Dashboard dashboard, DashboardRecords records, ChartLabels labels, ObjectMapper json) {
    this.dashboard = dashboard;
    this.records = records;
    this.labels = labels;
    this.json = json;
  }

  @GetMapping("/staff/dashboard")
  String page(
      @RequestParam(required = false) Long community,
      @RequestParam(required = false) Long staff,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Dashboard.Grain grain,
      Model model,
      Locale locale) {
    CurrentUser user = Actors.require();
    var filter = dashboard.filter(user, community, staff, from, to, grain);
    var view = dashboard.view(user, filter);
    List<ChartLabels.ChartView> charts = labels.of(view.charts(), locale);
    List<String> data = new ArrayList<>();
    for (var c : charts) {
      data.add(json.writeValueAsString(c));
    }
    model.addAttribute("view", view);
    model.addAttribute("community", community);
    model.addAttribute("charts", charts);
    model.addAttribute("chartData", data);
    return "report/dashboard";
  }

  @GetMapping("/staff/dashboard/records")
  String records(
      @RequestParam String metric,
      @RequestParam(required = false) String series,
      @RequestParam(required = false) Long community,
      @RequestParam(required = false) Long staff,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Model model) {
    CurrentUser user = Actors.require();
    var filter = dashboard.filter(user, community, staff, null, null, null);
    model.addAttribute("result", records.records(user, filter, metric, series, from, to));
    model.addAttribute("community", community);
    model.addAttribute("staff", staff);
    return "report/dashboard-records";
  }

  /** The JSON API (its errors are Problem Details, not pages). */
  @RestController
  @Tag(name = "Reports 报表")
  static class Api {
    private final Dashboard dashboard;
    private final DashboardRecords records;
    private final ChartLabels labels;

    Api(Dashboard dashboard, DashboardRecords records, ChartLabels labels) {
      this.dashboard = dashboard;
      this.records = records;
      this.labels = labels;
    }

    @GetMapping("/api/v1/dashboard")
    @Operation(
        summary =
            "The dashboard's charts (per community or company-wide, optionally one staff member, by week or month) with their labels")
    List<ChartLabels.ChartView> charts(
        @RequestParam(required = false) Long communityId,
        @RequestParam(required = false) Long staffId,
        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from,
        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        @RequestParam(required = false) Dashboard.Grain grain,
        Locale locale) {
      CurrentUser user = Actors.require();
      var filter = dashboard.filter(user, communityId, staffId, from, to, grain);
      return labels.of(dashboard.charts(filter), locale);
    }

    @GetMapping("/api/v1/dashboard/records")
    @Operation(summary = "The records behind a dashboard point (at most 500, worst first)")
    DashboardRecords.Result records(
        @RequestParam String metric,
        @RequestParam(required = false) String series,
        @RequestParam(required = false) Long communityId,
        @RequestParam(required = false) Long staffId,
        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from,
        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate to) {
      CurrentUser user = Actors.require();
      var filter = dashboard.filter(user, communityId, staffId, null, null, null);
      return records.records(user, filter, metric, series, from, to);
    }
  }

  /** Chart titles, series names and axis labels in the user's language. */
  @Component
  static class ChartLabels {
    private final MessageSource messages;

    ChartLabels(MessageSource messages) {
      this.messages = messages;
    }

    public record SeriesView(String key, String name, List<Double> values) {}

    public record PointView(String label, String from, String to) {}

    public record ChartView(
        String key,
        String title,
        String unit,
        String kind,
        List<PointView> points,
        List<SeriesView> series) {}

    List<ChartView> of(List<Dashboard.Chart> charts, Locale locale) {
      List<ChartView> out = new ArrayList<>();
      for (var c : charts) {
        List<PointView> points = new ArrayList<>();
        for (var b : c.buckets()) {
          String label =
              "ageing".equals(c.key())
                  ? messages.getMessage("dashboard.ageing." + b.label(), null, locale)
                  : b.label();
          points.add(new PointView(label, b.from().toString(), b.to().toString()));
        }
        List<SeriesView> series = new ArrayList<>();
        for (var s : c.series()) {
          series.add(
              new SeriesView(
                  s.name(),
                  messages.getMessage("dashboard.series." + c.key() + "." + s.name(), null, locale),
                  s.values()));
        }
        out.add(
            new ChartView(
                c.key(),
                messages.getMessage("dashboard.chart." + c.key(), null, locale),
                c.unit(),
                c.kind(),
                points,
                series));
      }
      return out;
    }
  }

  @Component
  static class Menu implements MenuItem.Contributor {
    @Override
    public List<MenuItem> menuItems() {
      return List.of(
          new MenuItem(
              "dashboard.title",
              "/staff/dashboard",
              EnumSet.of(Role.MANAGER, Role.SUPERVISOR, Role.COMPANY_MANAGER, Role.ADMIN),
              79));
    }
  }
}
