package com.wuye.center.repair.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.repair.Dispatching;
import com.wuye.center.repair.RepairCategories;
import com.wuye.center.repair.RepairExport;
import com.wuye.center.repair.RepairOrder;
import com.wuye.center.repair.RepairQueries;
import com.wuye.center.repair.RepairViews;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.web.Downloads;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lists of the staff: the dispatch board with its filters and search, the technician's orders.
 */
@Controller
class RepairBoardPages {

  private static final List<RepairOrder.Status> OPEN =
      List.of(
          RepairOrder.Status.REPORTED,
          RepairOrder.Status.DISPATCHED,
          RepairOrder.Status.ACCEPTED,
          RepairOrder.Status.ON_SITE,
          RepairOrder.Status.COMPLETED,
          RepairOrder.Status.CONFIRMED);

  private final RepairQueries queries;
  private final Dispatching dispatching;
  private final RepairCategories categories;
  private final EstateDirectory estate;
  private final Clock clock;
  private final RepairExport export;

  RepairBoardPages(
      RepairQueries queries,
      Dispatching dispatching,
      RepairCategories categories,
      EstateDirectory estate,
      Clock clock,
      RepairExport export) {
    this.export = export;
    this.queries = queries;
    this.dispatching = dispatching;
    this.categories = categories;
    this.estate = estate;
    this.clock = clock;
  }

  /** The board's filters as in the query string (the community defaults to the first one). */
  record Filter(
      Long community,
      Long building,
      String category,
      RepairOrder.Status status,
      Long technician,
      String after) {}

  @GetMapping("/staff/repairs")
  String board(Filter f, Model model) {
    CurrentUser user = Actors.require();
    List<Estate.Community> communities = estate.communitiesFor(user);
    Long c =
        f.community() != null
            ? f.community()
            : communities.isEmpty() ? null : communities.get(0).id();
    model.addAllAttributes(
        Map.of(
            "communities",
            communities,
            "categories",
            categories.byCode(),
            "statuses",
            OPEN,
            "firstPage",
            f.after() == null || f.after().isBlank()));
    model.addAttribute("community", c);
    model.addAttribute("building", f.building());
    model.addAttribute("category", f.category());
    model.addAttribute("status", f.status());
    model.addAttribute("technician", f.technician());
    if (c != null) {
      model.addAttribute("buildings", estate.buildings(c));
      model.addAttribute("technicians", dispatching.technicians(user, c));
      var filter =
          new RepairViews.BoardFilter(
              c, f.building(), f.category(), f.status(), f.technician(), null, f.after(), null);
      model.addAttribute("page", queries.board(user, filter));
    }
    return "repair/board";
  }

  /** The board as filtered, every page, as .xlsx (streamed). */
  @GetMapping("/staff/repairs.xlsx")
  void xlsx(Filter f, Locale locale, HttpServletResponse response) throws IOException {
    var filter =
        new RepairViews.BoardFilter(
            f.community(),
            f.building(),
            f.category(),
            f.status(),
            f.technician(),
            null,
            null,
            null);
    String name = "repairs-" + LocalDate.now(clock) + ".xlsx";
    export.xlsx(Actors.require(), filter, locale, Downloads.xlsx(response, name));
  }

  @GetMapping("/staff/repairs/find")
  String find(@RequestParam(required = false) String number, RedirectAttributes redirect) {
    var id = queries.findNumber(Actors.require(), number);
    if (id.isEmpty()) {
      FormSubmission.refused(redirect, DomainException.notFound("repair.error.notFound"), Map.of());
      return "redirect:/staff/repairs";
    }
    return "redirect:/staff/repairs/" + id.get();
  }

  @GetMapping("/staff/repairs/mine")
  String mine(Model model) {
    model.addAttribute("rows", queries.mine(Actors.require()));
    model.addAttribute("now", clock.instant());
    model.addAttribute("categories", categories.byCode());
    return "repair/mine";
  }
}
