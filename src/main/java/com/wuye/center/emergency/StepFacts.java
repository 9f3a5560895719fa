package com.wuye.center.emergency;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a step records besides what, when and who: the staff assigned, a code (the choice, or where
 * the guards stand by), a person named, a yes or no, the checklist items, a note. Built checked:
 * text trimmed, within its length, free of control characters.
 */
record StepFacts(
    List<Long> staffIds,
    String code,
    String person,
    Boolean flag,
    List<String> items,
    String note) {

  static final StepFacts NONE = new StepFacts(null, null, null, null, null, null);

  /** An optional note. */
  static StepFacts note(String note) {
    return new StepFacts(null, null, null, null, null, optionalNote(note));
  }

  /** A note that must be written; blank is refused with the key. */
  static StepFacts requiredNote(String note, String blankKey) {
    return new StepFacts(
        null,
        null,
        null,
        null,
        null,
        Text.required("note", note, EmergencyCase.MAX_TEXT, blankKey));
  }

  /** A person who must be named (blank is refused with the key), and an optional note. */
  static StepFacts person(String person, String blankKey, String note) {
    String who = Text.required("person", person, EmergencyCase.MAX_NAME, blankKey);
    return new StepFacts(null, null, who, null, null, optionalNote(note));
  }

  /** The resident's choice, which must be made. */
  static StepFacts choice(Choice choice) {
    if (choice == null) {
      throw DomainException.invalid("choice", "emergency.error.choiceRequired");
    }
    return code(choice.name());
  }

  /** Whether more help is needed, and if so what (then it must be written). */
  static StepFacts moreHelp(Boolean needed, String what) {
    if (needed == null) {
      throw DomainException.invalid("needed", "emergency.error.moreHelpAnswer");
    }
    String note =
        needed
            ? Text.required("note", what, EmergencyCase.MAX_TEXT, "emergency.error.moreHelpWhat")
            : optionalNote(what);
    return new StepFacts(null, null, null, needed, null, note);
  }

  static StepFacts staff(List<Long> staffIds) {
    return new StepFacts(staffIds, null, null, null, null, null);
  }

  static StepFacts code(String code) {
    return new StepFacts(null, code, null, null, null, null);
  }

  static String optionalNote(String note) {
    return Text.optional("note", note, EmergencyCase.MAX_TEXT);
  }

  /** The ids once each, in the order given, without nulls. */
  static List<Long> distinct(Collection<Long> ids) {
    if (ids == null) {
      return List.of();
    }
    return List.copyOf(new LinkedHashSet<>(ids.stream().filter(Objects::nonNull).toList()));
  }
}
