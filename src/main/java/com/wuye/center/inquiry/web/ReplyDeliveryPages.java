package com.wuye.center.inquiry.web;

import com.wuye.center.inquiry.ReplyDelivery;
import com.wuye.center.inquiry.web.InquiryForms.Delivery;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** CS-Q1 the consultation page's form recording how the reply letter was delivered. */
@Controller
class ReplyDeliveryPages {

  private final ReplyDelivery delivery;

  ReplyDeliveryPages(ReplyDelivery delivery) {
    this.delivery = delivery;
  }

  @PostMapping("/staff/inquiries/{id}/delivery")
  String record(
      @PathVariable long id,
      @Valid Delivery form,
      BindingResult binding,
      RedirectAttributes redirect) {
    String page = "/staff/inquiries/" + id;
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(page + "?form=delivery")
        .run(page, () -> delivery.record(Actors.require(), id, form.method(), form.deliveredOn()));
  }
}
