package com.wuye.center.messaging.web;

import com.wuye.center.messaging.MessageKind;
import com.wuye.center.messaging.OutboxQueries;
import com.wuye.center.shared.Actors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The outbox page: every message with its deliveries and their log; with no channel configured,
 * what would have been sent. {@code ?resident=} narrows it to one resident (their delivery log).
 */
@Controller
class OutboxPages {

  private final OutboxQueries outbox;

  OutboxPages(OutboxQueries outbox) {
    this.outbox = outbox;
  }

  @GetMapping("/staff/messaging/outbox")
  String outbox(
      @RequestParam(required = false) MessageKind kind,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) Long resident,
      @RequestParam(required = false) Long before,
      Model model) {
    model.addAttribute("page", outbox.page(Actors.require(), kind, state, resident, before, 30));
    model.addAttribute("kinds", MessageKind.values());
    model.addAttribute("states", new String[] {"OFF", "PENDING", "SENT", "FAILED"});
    model.addAttribute("kind", kind);
    model.addAttribute("state", state);
    model.addAttribute("resident", resident);
    return "messaging/outbox";
  }
}
