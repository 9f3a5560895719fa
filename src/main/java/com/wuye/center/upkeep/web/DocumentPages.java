package com.wuye.center.upkeep.web;

import com.wuye.center.shared.Actors;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.web.FormSubmission;
import com.wuye.center.upkeep.EquipmentDocuments;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Documents of an item: upload (checked by content), open. */
@Controller
class DocumentPages {

  private final EquipmentDocuments documents;

  DocumentPages(EquipmentDocuments documents) {
    this.documents = documents;
  }

  record DocumentForm(String title, MultipartFile file) {

    byte[] bytes() {
      if (file == null || file.isEmpty()) {
        throw DomainException.invalid("file", "upkeep.error.documentEmpty");
      }
      try {
        return file.getBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @PostMapping("/staff/upkeep/equipment/{id}/documents")
  String upload(
      @PathVariable long id,
      @Valid DocumentForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .run(
            EquipmentPages.item(id),
            () -> documents.upload(Actors.require(), id, form.title(), form.bytes()));
  }

  @GetMapping("/staff/upkeep/documents/{id}")
  ResponseEntity<byte[]> open(@PathVariable long id) {
    EquipmentDocuments.File f = documents.download(Actors.require(), id);
    String extension =
        switch (f.contentType()) {
          case "application/pdf" -> ".pdf";
          case "image/png" -> ".png";
          default -> ".jpg";
        };
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(f.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline()
                .filename(f.title() + extension, StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(f.content());
  }
}
