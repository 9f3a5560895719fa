package com.wuye.center.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The servlet container's error dispatch (an unknown path, a wrong method, an error a filter sent):
 * Problem Details for {@code /api/**}, the error page in the user's language for everything else.
 * Replaces Spring Boot's default error controller, whose JSON is not Problem Details.
 */
@Controller
class ErrorPages implements ErrorController {

  private final ApiProblems problems;

  ErrorPages(ApiProblems problems) {
    this.problems = problems;
  }

  @RequestMapping("/error")
  ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    int status = status(request);
    if (isApi(request)) {
      Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      boolean control = status == 400 && ContainerErrors.controlInPath(String.valueOf(uri));
      problems.write(
          response,
          control
              ? problems.fields(
                  List.of(new ApiProblems.FieldProblem("path", "error.controlCharacter")))
              : problems.status(status));
      return null;
    }
    response.setStatus(status);
    ModelAndView mv = new ModelAndView("error");
    mv.addObject("status", status);
    mv.addObject("message", problems.msg(ApiProblems.statusKey(status)));
    return mv;
  }

  private static int status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 500;
    return status < 400 ? 500 : status;
  }

  /** The request the error belongs to was an API request (or this is a direct API call). */
  private static boolean isApi(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri instanceof String s ? s : request.getRequestURI();
    return path.substring(Math.min(path.length(), request.getContextPath().length()))
        .startsWith("/api/");
  }
}
