package com.wuye.center.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.wuye.center.shared.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Consultations and knowledge-base entries without Spring. */
class InquiryTests {

  static final Instant T0 = Instant.parse("2030-04-01T02:00:00Z");

  static Inquiry oral() {
    return stored(
        Inquiry.register("ZX1", Inquiry.Channel.PHONE, 1, 2L, "王先生", null, "几点停水？", T0, 7L, null));
  }

  /** As the repository gives it back after the intake saved it: with its id. */
  static Inquiry stored(Inquiry q) {
    return new Inquiry(
        1L,
        q.number(),
        q.kind(),
        q.channel(),
        q.communityId(),
        q.unitId(),
        q.askerName(),
        q.contactPhone(),
        q.question(),
        q.receivedAt(),
        q.registeredByStaffId(),
        q.residentId(),
        q.status(),
        q.referral(),
        q.answeredAt(),
        q.version());
  }

  @Test
  @DisplayName("CS-Q1 a written consultation is answered by a written reply, which cannot be empty")
  void writtenReply() {
    Inquiry q =
        stored(
            Inquiry.register(
                "ZX2", Inquiry.Channel.LETTER, 1, 2L, "王先生", null, "问题", T0, 7L, null));
    assertThat(q.kind()).isEqualTo(Inquiry.Kind.WRITTEN);
    DomainException e =
        catchThrowableOfType(DomainException.class, () -> q.reply("  ", false, false, T0));
    assertThat(e.field()).isEqualTo("text");
    assertThat(q.reply("答复", false, false, T0)).isTrue();
    assertThat(q.status()).isEqualTo(Inquiry.Status.ANSWERED);
    assertThat(q.reply("补充", false, false, T0))
        .as("a further reply does not answer again")
        .isFalse();
  }

  @Test
  @DisplayName(
      "CS-Q2 an oral consultation is answered only from the knowledge base until it is referred")
  void oralNeedsKnowledgeOrReferral() {
    Inquiry q = oral();
    assertThat(
            catchThrowableOfType(DomainException.class, () -> q.reply("我猜是下午", false, false, T0))
                .messageKey())
        .isEqualTo("inquiry.error.oralFromKnowledgeOnly");
    DomainException notTold =
        catchThrowableOfType(
            DomainException.class,
            () -> q.refer(Inquiry.ReferTo.DEPARTMENT, "工程部", T0.plusSeconds(3600), false, T0));
    assertThat(notTold.field()).isEqualTo("residentTold");
    DomainException past =
        catchThrowableOfType(
            DomainException.class, () -> q.refer(Inquiry.ReferTo.DEPARTMENT, "工程部", T0, true, T0));
    assertThat(past.field()).isEqualTo("promisedAt");
    q.refer(Inquiry.ReferTo.DEPARTMENT, "工程部", T0.plus(Duration.ofHours(2)), true, T0);
    assertThat(q.status()).isEqualTo(Inquiry.Status.REFERRED);
    assertThat(q.reply("工程部答复：下午三点恢复供水", false, false, T0)).isTrue();
    Inquiry fromKb = oral();
    assertThat(fromKb.reply("知识库答案", false, true, T0)).isTrue();
  }

  @Test
  @DisplayName(
      "CS-Q2 knowledge-base entries: draft → approved; an edit makes an approved entry a draft again")
  void knowledgeEntryLifecycle() {
    KnowledgeEntry e = KnowledgeEntry.draft("标题", KnowledgeEntry.Topic.FEES, "", "答案", false);
    assertThat(
            catchThrowableOfType(DomainException.class, e::requireUsableForResident).messageKey())
        .isEqualTo("inquiry.kb.error.notApproved");
    e.approve(9L, T0);
    e.requireUsableForResident();
    e.edit("标题", KnowledgeEntry.Topic.FEES, "", "新答案", false);
    assertThat(e.status()).isEqualTo(KnowledgeEntry.Status.DRAFT);
    e.approve(9L, T0);
    e.edit("标题", KnowledgeEntry.Topic.FEES, "", "新答案", true);
    e.approve(9L, T0);
    assertThat(
            catchThrowableOfType(DomainException.class, e::requireUsableForResident).messageKey())
        .isEqualTo("inquiry.kb.error.confidential");
  }

  @Test
  @DisplayName("CS-Q2 search terms: whole phrases first, two-character parts when nothing matches")
  void searchTerms() {
    assertThat(KnowledgeBase.terms(" 装修押金，退还 ")).containsExactly("装修押金", "退还");
    assertThat(KnowledgeBase.parts(List.of("装修押金"))).containsExactly("装修", "押金");
    assertThat(KnowledgeBase.parts(List.of("物业费", "A4"))).containsExactly("物业", "费", "A4");
  }

  @Test
  @DisplayName("CS-Q4 a confidential reply never answers the resident")
  void confidentialReplyDoesNotAnswer() {
    Inquiry q =
        Inquiry.register("ZX3", Inquiry.Channel.PORTAL, 1, 2L, "王先生", null, "问题", T0, null, 5L);
    assertThat(q.reply("内部口径", true, false, T0)).isFalse();
    assertThat(q.status()).isEqualTo(Inquiry.Status.OPEN);
  }
}
