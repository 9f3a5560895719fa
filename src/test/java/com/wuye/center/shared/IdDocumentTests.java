package com.wuye.center.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdDocumentTests {

  @Test
  void residentIdNeedsAValidCheckDigit() {
    String valid = IdDocument.withCheckDigit("11010519491231002");
    assertThat(new IdDocument(IdDocument.Type.RESIDENT_ID, valid).number()).isEqualTo(valid);
    char wrong = valid.charAt(17) == '1' ? '2' : '1';
    assertThatThrownBy(
            () -> new IdDocument(IdDocument.Type.RESIDENT_ID, valid.substring(0, 17) + wrong))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("idNumber"));
  }

  @Test
  void knownCheckDigitExample() {
    // the example of GB 11643-1999: 11010519491231002X
    assertThat(IdDocument.withCheckDigit("11010519491231002")).isEqualTo("11010519491231002X");
  }

  @Test
  void unknownTypeNamesTheField() {
    assertThatThrownBy(() -> IdDocument.of("DRIVING_LICENCE", "123456"))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("idType"));
  }

  @Test
  void idNumbersAndPhonesAreMaskedForDisplay() {
    assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
    assertThat(Masking.idNumber("110105194912310021")).isEqualTo("110***********0021");
    assertThat(new PhoneNumber("138 1234 5678").masked()).isEqualTo("138****5678");
    assertThat(new PhoneNumber("13812345678").toString()).doesNotContain("1234");
  }

  @Test
  void phoneMustBeAMainlandMobile() {
    assertThatThrownBy(() -> PhoneNumber.of("contactPhone", "12345"))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("contactPhone"));
  }
}
