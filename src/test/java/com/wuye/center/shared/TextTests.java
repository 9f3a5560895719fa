package com.wuye.center.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TextTests {

  @Test
  void trimsChecksLengthAndRefusesControlCharacters() {
    assertThat(Text.optional("words", "  漏水了\n请尽快  ", 20)).isEqualTo("漏水了\n请尽快");
    assertThat(Text.optional("words", "   ", 20)).isNull();
    assertThatThrownBy(() -> Text.required("words", " ", 20))
        .extracting("field", "messageKey")
        .containsExactly("words", "error.required");
    assertThatThrownBy(() -> Text.optional("words", "abc", 2))
        .extracting("messageKey")
        .isEqualTo("error.tooLong");
    assertThatThrownBy(() -> Text.optional("words", "a\u0000b", 20))
        .extracting("field", "messageKey")
        .containsExactly("words", "error.controlCharacter");
    assertThatThrownBy(() -> Text.optional("words", "a\u001b[31m", 20))
        .extracting("messageKey")
        .isEqualTo("error.controlCharacter");
  }

  @Test
  void documentNumbers() {
    assertThat(DocumentNumber.of("BX", LocalDate.of(2026, 11, 27), 7)).isEqualTo("BX20261127-0007");
    assertThat(DocumentNumber.of("TS", LocalDate.of(2026, 1, 2), 12345))
        .isEqualTo("TS20260102-12345");
  }
}
