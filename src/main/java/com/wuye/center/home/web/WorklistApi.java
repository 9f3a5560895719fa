package com.wuye.center.home.web;

import com.wuye.center.home.Worklist;
import com.wuye.center.home.Worklists;
import com.wuye.center.shared.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/worklist")
@Tag(name = "Worklist", description = "工作台: the caller's work, per role (issue 14)")
class WorklistApi {

  private final Worklists worklists;

  WorklistApi(Worklists worklists) {
    this.worklists = worklists;
  }

  @GetMapping
  @Operation(
      summary = "The caller's worklist",
      description =
          "Counts and items of every role the caller has: a technician's orders (emergencies first, by due"
              + " time, with the next step), the desk's untaken intakes and what is due today, the counter's"
              + " day, a guard's dispatches, the overseers' breaches. Message keys are the screens' labels.")
  Worklist worklist(Locale locale) {
    return worklists.of(Actors.require(), locale);
  }
}
