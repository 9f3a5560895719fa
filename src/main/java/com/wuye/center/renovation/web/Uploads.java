package com.wuye.center.renovation.web;

import com.wuye.center.renovation.RenovationIntake.Upload;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Images;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** Files as uploaded (a page's file input, or an API's data URLs) and images as served. */
final class Uploads {

  private Uploads() {}

  /** The chosen files; a file input left empty sends one nameless empty part, which is skipped. */
  static List<Upload> of(List<MultipartFile> files) {
    List<Upload> out = new ArrayList<>();
    for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
      boolean noFileChosen =
          f == null
              || (f.isEmpty()
                  && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank()));
      if (!noFileChosen) {
        try {
          out.add(new Upload(f.getOriginalFilename(), f.getBytes()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return out;
  }

  /** Images sent in JSON as data URLs ({@code data:image/png;base64,…}) or plain base64. */
  static List<Upload> ofDataUrls(String field, List<String> urls) {
    List<Upload> out = new ArrayList<>();
    for (String u : urls == null ? List.<String>of() : urls) {
      if (u == null || u.isBlank()) {
        continue;
      }
      String body = u.trim();
      int comma = body.indexOf(',');
      if (body.startsWith("data:") && comma > 0) {
        body = body.substring(comma + 1);
      }
      if ((long) body.length() * 3 / 4 > Images.MAX_PHOTO_BYTES + 3) {
        throw DomainException.invalid(
            field, "error.photo.tooLarge", Images.MAX_PHOTO_BYTES / 1024 / 1024);
      }
      try {
        out.add(new Upload(field, Base64.getMimeDecoder().decode(body)));
      } catch (IllegalArgumentException e) {
        throw DomainException.invalid(field, "error.photo.type");
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
}
