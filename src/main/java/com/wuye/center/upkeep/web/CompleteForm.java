package com.wuye.center.upkeep.web;

import com.wuye.center.upkeep.MaintenanceTask;
import com.wuye.center.upkeep.MaintenanceWork;
import java.util.ArrayList;
import java.util.List;

/**
 * A task's checklist as the engineer answers it on the phone: {@code results[i]} and {@code
 * notes[i]} for the i-th item (position i + 1), a note on the whole task, the version seen.
 */
record CompleteForm(
    Integer version, List<MaintenanceTask.Result> results, List<String> notes, String note) {

  MaintenanceWork.Completion completion() {
    List<MaintenanceWork.ItemAnswer> items = new ArrayList<>();
    int n = Math.max(results == null ? 0 : results.size(), notes == null ? 0 : notes.size());
    for (int i = 0; i < n; i++) {
      items.add(
          new MaintenanceWork.ItemAnswer(
              i + 1,
              results == null || i >= results.size() ? null : results.get(i),
              notes == null || i >= notes.size() ? null : notes.get(i)));
    }
    return new MaintenanceWork.Completion(items, note);
  }

  int seen() {
    return version == null ? -1 : version;
  }
}
