package com.wuye.center.home;

import com.wuye.center.shared.WorkItem;
import java.util.ArrayList;
import java.util.List;

/**
 * A staff member's worklist: counts at the top (each a link), then sections of items.
 *
 * @param counts what is waiting, at a glance
 * @param sections the items, most urgent section first
 * @param actions buttons to the role's main screens
 */
public record Worklist(List<Count> counts, List<Section> sections, List<Action> actions) {

  public Worklist(List<Count> counts, List<Section> sections) {
    this(counts, sections, List.of());
  }

  /** A button to the role's main screen (e.g. the counter, the day close). */
  public record Action(String id, String labelKey, String link) {}

  /**
   * A count: a number (or an amount) or a label key for a state.
   *
   * @param alarm shown red (something is overdue)
   */
  public record Count(
      String id, String labelKey, String value, String valueKey, String link, boolean alarm) {

    public static Count of(String id, String labelKey, long value, String link, boolean alarm) {
      return new Count(id, labelKey, String.valueOf(value), null, link, alarm);
    }
  }

  /** A titled list of items; empty ones show {@code emptyKey}. */
  public record Section(String id, String titleKey, List<WorkItem> items, String moreLink) {}

  public static Worklist empty() {
    return new Worklist(List.of(), List.of(), List.of());
  }

  /** This list followed by another's counts and sections (a user with several roles). */
  public Worklist and(Worklist other) {
    List<Count> c = new ArrayList<>(counts);
    c.addAll(other.counts);
    List<Section> s = new ArrayList<>(sections);
    s.addAll(other.sections);
    List<Action> a = new ArrayList<>(actions);
    a.addAll(other.actions);
    return new Worklist(List.copyOf(c), List.copyOf(s), List.copyOf(a));
  }

  public boolean isEmpty() {
    return counts.isEmpty() && sections.isEmpty() && actions.isEmpty();
  }
}
