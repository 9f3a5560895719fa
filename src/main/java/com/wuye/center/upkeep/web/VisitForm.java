package com.wuye.center.upkeep.web;

import com.wuye.center.repair.RepairIntake;
import com.wuye.center.upkeep.PatrolWalk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/**
 * A checkpoint visit as the phone page sends it: the code scanned (or typed) and how, one value per
 * reading of the checkpoint (in the order of {@code specIds}), a note and photos.
 */
record VisitForm(
    String code,
    PatrolWalk.Method method,
    List<Long> specIds,
    List<String> values,
    String note,
    List<MultipartFile> photos) {

  PatrolWalk.Visit visit() {
    List<PatrolWalk.Reading> readings = new ArrayList<>();
    int n = specIds == null ? 0 : specIds.size();
    for (int i = 0; i < n; i++) {
      String value = values == null || i >= values.size() ? null : values.get(i);
      readings.add(new PatrolWalk.Reading(specIds.get(i), value));
    }
    return new PatrolWalk.Visit(code, method, readings, note);
  }

  List<RepairIntake.Photo> files() {
    List<RepairIntake.Photo> out = new ArrayList<>();
    if (photos != null) {
      for (MultipartFile f : photos) {
        if (f != null && !f.isEmpty()) {
          try {
            out.add(new RepairIntake.Photo(f.getOriginalFilename(), f.getBytes()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return out;
  }
}
