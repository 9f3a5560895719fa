package com.wuye.center.messaging.web;

import com.wuye.center.messaging.MessageKind;
import com.wuye.center.messaging.MessagePreferences;
import com.wuye.center.messaging.OutboxQueries;
import com.wuye.center.messaging.SenderSettings;
import com.wuye.center.shared.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox and delivery log (staff); a resident's own message settings (portal). */
@RestController
@Tag(name = "Messaging 消息")
class MessagingApi {

  private final OutboxQueries outbox;
  private final MessagePreferences preferences;
  private final SenderSettings senders;

  MessagingApi(OutboxQueries outbox, MessagePreferences preferences, SenderSettings senders) {
    this.outbox = outbox;
    this.preferences = preferences;
    this.senders = senders;
  }

  @GetMapping("/api/v1/messaging/sender-settings")
  @Operation(
      summary =
          "A community's sender settings (SMS sign name, e-mail sender, SMS and WeChat template per"
              + " kind); without community: the company's")
  SenderSettings.Settings senderSettings(@RequestParam(required = false) Long community) {
    return senders.view(Actors.require(), community);
  }

  @PutMapping("/api/v1/messaging/sender-settings")
  @Operation(
      summary = "Save sender settings (managers for their communities, admin for the company)")
  SenderSettings.Settings saveSenderSettings(@RequestBody SenderSettings.Settings settings) {
    senders.save(Actors.require(), settings);
    return senders.view(Actors.require(), settings.communityId());
  }

  @GetMapping("/api/v1/messaging/outbox")
  @Operation(
      summary =
          "Messages of the communities I serve, newest first, with each channel's delivery and log")
  OutboxQueries.Page outbox(
      @RequestParam(required = false) MessageKind kind,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) Long resident,
      @RequestParam(required = false) Long before,
      @RequestParam(defaultValue = "30") int size) {
    return outbox.page(Actors.require(), kind, state, resident, before, size);
  }

  @GetMapping("/api/v1/portal/messaging/preferences")
  @Operation(summary = "My message settings: language, e-mail, quiet hours, opt-outs")
  MessagePreferences.View mine() {
    return preferences.mine(Actors.require());
  }

  @PutMapping("/api/v1/portal/messaging/preferences")
  @Operation(summary = "Change my message settings (key pickups and emergencies are always sent)")
  MessagePreferences.View change(@Valid @RequestBody MessagePreferences.Change change) {
    preferences.change(Actors.require(), change);
    return preferences.mine(Actors.require());
  }
}
