package com.wuye.center.billing.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import java.util.List;
import org.springframework.ui.Model;

/** The community a page is about: the one asked for, else the first the user serves. */
final class CommunityChoice {

  private CommunityChoice() {}

  static long choose(EstateDirectory estate, CurrentUser user, Long requested, Model model) {
    List<Estate.Community> communities = estate.communitiesFor(user);
    if (communities.isEmpty()) {
      throw DomainException.forbidden("error.forbidden.community");
    }
    long id = requested == null ? communities.get(0).id() : requested;
    user.requireCommunity(id);
    model.addAttribute("communities", communities);
    model.addAttribute("community", id);
    return id;
  }
}
