package com.wuye.center.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.shared.DomainException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

class FormSubmissionTests {

  record Form(@NotBlank @Size(max = 5) String words, Integer count, String signature) {}

  @Test
  void successRedirectsWithTheSavedMessage() {
    var redirect = new RedirectAttributesModelMap();
    var form = new Form("漏水", 1, "data:x");
    String view =
        FormSubmission.of(new BeanPropertyBindingResult(form, "form"), redirect, form)
            .onRefusal("/back")
            .run(() -> "/done/7");
    assertThat(view).isEqualTo("redirect:/done/7");
    assertThat(
            (Map<String, Object>)
                new java.util.HashMap<String, Object>(redirect.getFlashAttributes()))
        .containsEntry("savedKey", "form.saved");
  }

  @Test
  void aRefusalGoesBackWithFieldAndTypedValuesButNeverTheSignature() {
    var redirect = new RedirectAttributesModelMap();
    var form = new Form("漏水", 1, "data:x");
    String view =
        FormSubmission.of(new BeanPropertyBindingResult(form, "form"), redirect, form)
            .onRefusal("/back")
            .run(
                () -> {
                  throw DomainException.invalid("count", "error.field.number");
                });
    assertThat(view).isEqualTo("redirect:/back");
    Map<String, Object> flash = new java.util.HashMap<>(redirect.getFlashAttributes());
    assertThat(flash)
        .containsEntry("errorKey", "error.field.number")
        .containsEntry("errorField", "count");
    @SuppressWarnings("unchecked")
    Map<String, Object> typed = (Map<String, Object>) flash.get("typed");
    assertThat(typed).containsEntry("words", "漏水").doesNotContainKey("signature");
  }

  @Test
  void aBindingFailureNamesTheFieldAndItsType() {
    var form = new Form(null, null, null);
    var binding = new BeanPropertyBindingResult(form, "form");
    binding.addError(
        new FieldError("form", "count", "abc", true, new String[] {"typeMismatch"}, null, null));
    var redirect = new RedirectAttributesModelMap();
    boolean[] ran = {false};
    String view =
        FormSubmission.of(binding, redirect, form)
            .onRefusal("/back")
            .run(
                () -> {
                  ran[0] = true;
                  return "/x";
                });
    assertThat(ran[0]).isFalse();
    assertThat(view).isEqualTo("redirect:/back");
    assertThat(
            (Map<String, Object>)
                new java.util.HashMap<String, Object>(redirect.getFlashAttributes()))
        .containsEntry("errorField", "count");
  }

  record Keyed(@NotBlank(message = "{error.required}") String words, String newPassword) {}

  @Test
  void aConstraintMessageKeyIsKeptUntranslatedAndPasswordsAreNeverKept() {
    var form = new Keyed(" ", "Secret#2026x");
    var binding = new BeanPropertyBindingResult(form, "form");
    try (var factory = jakarta.validation.Validation.buildDefaultValidatorFactory()) {
      new org.springframework.validation.beanvalidation.SpringValidatorAdapter(
              factory.getValidator())
          .validate(form, binding);
    }
    var redirect = new RedirectAttributesModelMap();
    FormSubmission.of(binding, redirect, form).onRefusal("/back").run(() -> "/x");
    Map<String, Object> flash = new java.util.HashMap<>(redirect.getFlashAttributes());
    assertThat(flash)
        .containsEntry("errorKey", "error.required")
        .containsEntry("errorField", "words");
    assertThat(((Map<?, ?>) flash.get("typed")).containsKey("newPassword")).isFalse();
  }

  enum Step implements org.springframework.context.MessageSourceResolvable {
    SETTLED;

    @Override
    public String[] getCodes() {
      return new String[] {"step." + name()};
    }
  }

  @Test
  void anArgumentThatNamesItselfInTheMessagesIsKeptForThePageToTranslate() {
    var redirect = new RedirectAttributesModelMap();
    FormSubmission.of(redirect)
        .onRefusal("/back")
        .run(
            () -> {
              throw DomainException.rule("error.stepsOpen", 2, Step.SETTLED);
            });
    Object[] args = (Object[]) redirect.getFlashAttributes().get("errorArgs");
    assertThat(args).containsExactly("2", Step.SETTLED);
  }
}
