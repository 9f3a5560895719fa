package com.wuye.center.staff.web;

import com.wuye.center.shared.Actors;
import com.wuye.center.staff.PasswordChange;
import com.wuye.center.staff.security.SessionLogin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API clients change their own password; their token stays valid, their other sessions end. */
@RestController
@Tag(name = "Authentication 登录")
class PasswordApi {

  private final PasswordChange change;
  private final SessionLogin sessions;

  PasswordApi(PasswordChange change, SessionLogin sessions) {
    this.change = change;
    this.sessions = sessions;
  }

  record NewPassword(String currentPassword, String newPassword) {}

  @PostMapping("/api/v1/account/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Change my password (the current one is required); my other sessions end")
  void change(
      @RequestBody NewPassword body, HttpServletRequest request, HttpServletResponse response) {
    change.change(Actors.require(), body.currentPassword(), body.newPassword());
    sessions.refresh(request, response);
  }
}
