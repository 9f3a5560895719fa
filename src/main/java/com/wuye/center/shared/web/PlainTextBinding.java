package com.wuye.center.shared.web;

import com.wuye.center.shared.Text;
import java.beans.PropertyEditorSupport;
import org.springframework.beans.PropertyAccessException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The one place form fields, query and path parameters and headers are checked for control
 * characters (NUL, ESC …; line breaks and tabs are allowed): every text a controller binds goes
 * through this editor before any business code runs, so a refusal takes no number and writes
 * nothing. A page form shows "含有不可见的控制字符" on the field; the API answers 400 naming it.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlainTextBinding {

  @InitBinder
  void refuseControlCharacters(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new PlainTextEditor());
    binder.setBindingErrorProcessor(new NamedErrors());
  }

  /** Thrown by the editor: a control character in a bound text. */
  static final class ControlCharacterRefused extends IllegalArgumentException {
    ControlCharacterRefused() {
      super("control character in text");
    }
  }

  /** Text as typed, refused when it holds a control character. */
  static final class PlainTextEditor extends PropertyEditorSupport {
    @Override
    public void setAsText(String text) {
      if (text != null && Text.firstControlCharacter(text) >= 0) {
        throw new ControlCharacterRefused();
      }
      setValue(text);
    }
  }

  /** Binding errors caused by a control character get their own message key. */
  static final class NamedErrors extends DefaultBindingErrorProcessor {
    @Override
    public void processPropertyAccessException(
        PropertyAccessException ex, BindingResult bindingResult) {
      if (InputProblems.cause(ex, ControlCharacterRefused.class) == null) {
        super.processPropertyAccessException(ex, bindingResult);
        return;
      }
      String field = ex.getPropertyName();
      bindingResult.addError(
          new FieldError(
              bindingResult.getObjectName(),
              field,
              null,
              true,
              new String[] {"error.controlCharacter"},
              null,
              "control character"));
    }
  }
}
