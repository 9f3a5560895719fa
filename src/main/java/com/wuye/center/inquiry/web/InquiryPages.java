package com.wuye.center.inquiry.web;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.inquiry.Inquiry;
import com.wuye.center.inquiry.InquiryIntake;
import com.wuye.center.inquiry.InquiryQueries;
import com.wuye.center.inquiry.WrittenConsultations;
import com.wuye.center.inquiry.web.InquiryForms.Filter;
import com.wuye.center.inquiry.web.InquiryForms.Registration;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of consultations: the list, registration and the reply letter (also the resident's);
 * the consultation's own page is {@link InquiryHandlingPages}.
 */
@Controller
class InquiryPages {

  private static final List<Inquiry.Channel> STAFF_CHANNELS =
      List.of(Inquiry.Channel.LETTER, Inquiry.Channel.PHONE, Inquiry.Channel.VISIT);

  private final InquiryIntake intake;
  private final InquiryQueries queries;
  private final WrittenConsultations written;
  private final EstateDirectory estate;

  InquiryPages(
      InquiryIntake intake,
      InquiryQueries queries,
      WrittenConsultations written,
      EstateDirectory estate) {
    this.intake = intake;
    this.queries = queries;
    this.written = written;
    this.estate = estate;
  }

  @GetMapping("/staff/inquiries")
  String list(@ModelAttribute("filter") Filter filter, Model model) {
    CurrentUser user = Actors.require();
    Paged<InquiryQueries.Row> result =
        queries.list(
            user,
            filter.community(),
            filter.state(),
            filter.kindOf(),
            filter.q(),
            filter.pageIndex(),
            20);
    model.addAttribute("result", result);
    model.addAttribute("clocks", queries.replyClocks(result.items()));
    model.addAttribute("communities", estate.communitiesFor(user));
    return "inquiry/list";
  }

  @GetMapping("/staff/inquiries/new")
  String newForm(Model model) {
    CurrentUser user = Actors.require();
    user.require(Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    model.addAttribute("communities", estate.communitiesFor(user));
    model.addAttribute("channels", STAFF_CHANNELS);
    return "inquiry/new";
  }

  @PostMapping("/staff/inquiries")
  String create(@Valid Registration form, BindingResult binding, RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/staff/inquiries/new")
        .run(() -> "/staff/inquiries/" + intake.register(Actors.require(), form.command()));
  }

  /** The written reply as an A4 letter, for staff and for the resident who asked. */
  @GetMapping({"/staff/inquiries/{id}/letter", "/portal/inquiries/{id}/letter"})
  String letter(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("letter", written.letter(user, id));
    model.addAttribute("back", (user.isResident() ? "/portal" : "/staff") + "/inquiries/" + id);
    return "inquiry/letter";
  }
}
