package com.wuye.center.repair.web;

import com.wuye.center.repair.RepairIntake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** Photos as uploaded, and images (photos, signatures) as served to those who may see them. */
final class RepairFiles {

  private RepairFiles() {}

  /** The chosen files; a file input left empty sends one nameless empty part, which is skipped. */
  static List<RepairIntake.Photo> photos(List<MultipartFile> files) {
    List<RepairIntake.Photo> out = new ArrayList<>();
    if (files == null) {
      return out;
    }
    for (MultipartFile f : files) {
      boolean noFileChosen =
          f == null
              || (f.isEmpty()
                  && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank()));
      if (!noFileChosen) {
        out.add(new RepairIntake.Photo(f.getOriginalFilename(), bytes(f)));
      }
    }
    return out;
  }

  static ResponseEntity<byte[]> image(String type, byte[] data) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type))
        .cacheControl(CacheControl.noCache().cachePrivate())
        .header("X-Content-Type-Options", "nosniff")
        .body(data);
  }

  private static byte[] bytes(MultipartFile f) {
    try {
      return f.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
