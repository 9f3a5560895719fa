package com.wuye.center.complaint.web;

import com.wuye.center.complaint.ComplaintExport;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The complaint list as filtered, every page, as .xlsx (streamed). */
@Controller
class ComplaintDownloads {

  private final ComplaintExport export;
  private final Clock clock;

  ComplaintDownloads(ComplaintExport export, Clock clock) {
    this.export = export;
    this.clock = clock;
  }

  @GetMapping("/staff/complaints.xlsx")
  void xlsx(ComplaintForms.Filter filter, Locale locale, HttpServletResponse response)
      throws IOException {
    String name = "complaints-" + LocalDate.now(clock) + ".xlsx";
    export.xlsx(
        Actors.require(),
        filter.community(),
        filter.state(),
        filter.q(),
        locale,
        Downloads.xlsx(response, name));
  }
}
