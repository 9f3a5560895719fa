package com.wuye.center.repair.web;

import com.wuye.center.repair.ConductItem;
import com.wuye.center.repair.ConductReply;
import com.wuye.center.repair.RepairViews;
import com.wuye.center.repair.ResidentConfirmation;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.ui.Model;

/**
 * The resident's confirmation form, on the portal or on the technician's phone: the answers to the
 * conduct questions come as {@code conduct_<ITEM>} (是 / 否 / 记不清 radios, none preset), the signature
 * from the pad ({@code static/js/signature.js}) as a PNG data URL.
 */
record ConfirmForm(
    Boolean satisfied,
    String reason,
    String signerName,
    String signature,
    Integer speed,
    Integer service,
    String comment,
    Boolean extraAsked,
    String extraNote,
    ConductReply conduct_WORK_CARD,
    ConductReply conduct_INTRODUCED,
    ConductReply conduct_FLOOR_PROTECTED,
    ConductReply conduct_SITE_CLEANED,
    ConductReply conduct_WASTE_REMOVED,
    ConductReply conduct_SITE_RESTORED) {

  /** What the confirmation page shows with the form: the order, its questions, rated or not. */
  static void prepare(Model model, RepairViews.OrderDetail o) {
    model.addAttribute("o", o);
    model.addAttribute("now", o.now());
    model.addAttribute("questions", ConductItem.applicable(o.indoor()));
    model.addAttribute("rated", o.rating() != null);
  }

  ResidentConfirmation.Confirmation command() {
    return new ResidentConfirmation.Confirmation(
        satisfied,
        signature,
        signerName,
        speed,
        service,
        comment,
        conduct(),
        extraAsked,
        extraNote,
        reason,
        null);
  }

  /** The questions answered (an unanswered one is left out and refused by the confirmation). */
  Map<ConductItem, ConductReply> conduct() {
    Map<ConductItem, ConductReply> answers = new EnumMap<>(ConductItem.class);
    answer(answers, ConductItem.WORK_CARD, conduct_WORK_CARD);
    answer(answers, ConductItem.INTRODUCED, conduct_INTRODUCED);
    answer(answers, ConductItem.FLOOR_PROTECTED, conduct_FLOOR_PROTECTED);
    answer(answers, ConductItem.SITE_CLEANED, conduct_SITE_CLEANED);
    answer(answers, ConductItem.WASTE_REMOVED, conduct_WASTE_REMOVED);
    answer(answers, ConductItem.SITE_RESTORED, conduct_SITE_RESTORED);
    return answers;
  }

  private static void answer(
      Map<ConductItem, ConductReply> answers, ConductItem item, ConductReply reply) {
    if (reply != null) {
      answers.put(item, reply);
    }
  }
}
