package com.wuye.center.staff.web;

import com.wuye.center.shared.Actors;
import com.wuye.center.staff.AccountCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer service issues a resident their one-time code: the resident opens {@code /activate},
 * types their phone and the code and sets their own password. Staff never see nor choose it.
 */
@RestController
@Tag(name = "Staff 员工")
class ResidentAccountApi {

  private final AccountCodes codes;

  ResidentAccountApi(AccountCodes codes) {
    this.codes = codes;
  }

  /**
   * A code as shown once: the code itself, the login the holder types (a resident's phone masked),
   * until when it works.
   */
  record CodeView(
      AccountCodes.Purpose purpose,
      String code,
      String holderName,
      String login,
      Instant expiresAt) {
    static CodeView of(AccountCodes.IssuedCode c) {
      return new CodeView(c.purpose(), c.code(), c.holderName(), c.login(), c.expiresAt());
    }
  }

  @PostMapping("/api/v1/units/{unitId}/residents/{residentId}/account-code")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Issue a one-time code to a current occupant: activation of their portal account (login:"
              + " their phone), or a password reset if they have one. Shown once; a new code"
              + " revokes the previous one")
  CodeView issue(@PathVariable long unitId, @PathVariable long residentId) {
    return CodeView.of(codes.forResident(Actors.require(), unitId, residentId));
  }
}
