package com.wuye.center.shared.web;

import com.wuye.center.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * The security filter chain's answers to an API request in Problem Details, like every other API
 * answer: 401 when nobody is logged in, 403 when the role does not allow it (or a page-session
 * request came without its CSRF token). Used by the security configuration for {@code /api/**}.
 */
@Component
public class ApiSecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final ApiProblems problems;

  ApiSecurityProblems(ApiProblems problems) {
    this.problems = problems;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    problems.write(response, problems.status(401));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    String key = e instanceof CsrfException ? "error.csrf" : "error.forbidden.role";
    problems.write(response, problems.of(DomainException.forbidden(key)));
  }
}
