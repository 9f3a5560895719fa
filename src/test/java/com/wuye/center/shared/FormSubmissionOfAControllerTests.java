package com.wuye.center.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.shared.web.FormSubmission;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/** A controller's form record is package-private in its own package: its values still come back. */
class FormSubmissionOfAControllerTests {

  record PrivateForm(String name, String password) {}

  @Test
  void aRefusedPackagePrivateFormKeepsWhatWasTyped() {
    var redirect = new RedirectAttributesModelMap();
    var form = new PrivateForm("吴新来", "secret");
    String view =
        FormSubmission.of(new BeanPropertyBindingResult(form, "form"), redirect, form)
            .onRefusal("/back")
            .run(
                () -> {
                  throw DomainException.invalid("name", "error.required");
                });
    assertThat(view).isEqualTo("redirect:/back");
    @SuppressWarnings("unchecked")
    Map<String, Object> typed =
        (Map<String, Object>) new HashMap<>(redirect.getFlashAttributes()).get("typed");
    assertThat(typed).containsEntry("name", "吴新来").doesNotContainKey("password");
  }
}
