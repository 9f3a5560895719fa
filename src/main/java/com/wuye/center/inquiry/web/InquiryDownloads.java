package com.wuye.center.inquiry.web;

import com.wuye.center.inquiry.InquiryExport;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The consultation list as filtered, every page, as .xlsx (streamed). */
@Controller
class InquiryDownloads {

  private final InquiryExport export;
  private final Clock clock;

  InquiryDownloads(InquiryExport export, Clock clock) {
    this.export = export;
    this.clock = clock;
  }

  @GetMapping("/staff/inquiries.xlsx")
  void xlsx(InquiryForms.Filter filter, Locale locale, HttpServletResponse response)
      throws IOException {
    String name = "inquiries-" + LocalDate.now(clock) + ".xlsx";
    export.xlsx(
        Actors.require(),
        filter.community(),
        filter.state(),
        filter.kindOf(),
        filter.q(),
        locale,
        Downloads.xlsx(response, name));
  }
}
