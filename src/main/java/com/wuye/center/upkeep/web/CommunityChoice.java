package com.wuye.center.upkeep.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.upkeep.UpkeepAccess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The community an upkeep page is about, and what the page's tabs need to know of the user. */
@Component
class CommunityChoice {

  private final EstateDirectory estate;

  CommunityChoice(EstateDirectory estate) {
    this.estate = estate;
  }

  /** The one asked for, else the first the user serves. */
  Estate.Community choose(CurrentUser user, Long requested, Model model) {
    user.require(UpkeepAccess.READERS.toArray(Role[]::new));
    List<Estate.Community> mine = estate.communitiesFor(user);
    Estate.Community c =
        requested == null
            ? mine.stream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("error.community.notFound"))
            : mine.stream()
                .filter(x -> x.id() == requested)
                .findFirst()
                .orElseThrow(() -> DomainException.forbidden("error.forbidden.community"));
    model.addAttribute("communities", mine);
    model.addAttribute("community", c);
    model.addAttribute("canPlan", user.hasAny(UpkeepAccess.PLANNERS.toArray(Role[]::new)));
    model.addAttribute(
        "canKeepRegister", user.hasAny(UpkeepAccess.REGISTER_KEEPERS.toArray(Role[]::new)));
    return c;
  }

  /** What a form shows: the values typed before a refusal, else the given defaults. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> typed(Model model, Map<String, Object> defaults) {
    Object typed = model.getAttribute("typed");
    Map<String, Object> shown = new LinkedHashMap<>(defaults);
    if (typed instanceof Map<?, ?> m && !m.isEmpty()) {
      shown.putAll((Map<String, Object>) m);
    }
    return shown;
  }
}
