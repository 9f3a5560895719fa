package com.wuye.center.messaging.internal;

import com.wuye.center.messaging.Channel;
import com.wuye.center.messaging.MessageKind;
import com.wuye.center.shared.DomainException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sender settings: the company's (community null) and each community's own. */
@Repository
public class SenderRepository {

  private final JdbcClient jdbc;

  SenderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A scope's stored settings with its templates by kind and channel. */
  public record Row(
      long id,
      Long communityId,
      String smsSignName,
      String emailFrom,
      Map<MessageKind, Map<Channel, String>> templates,
      int version) {}

  public Optional<Row> find(Long communityId) {
    Optional<Row> row =
        jdbc.sql(
                "SELECT * FROM messaging_sender WHERE COALESCE(community_id, 0) = COALESCE(CAST(:c AS bigint), 0)")
            .param("c", communityId)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong("id"),
                        rs.getObject("community_id", Long.class),
                        rs.getString("sms_sign_name"),
                        rs.getString("email_from"),
                        new EnumMap<>(MessageKind.class),
                        rs.getInt("version")))
            .optional();
    row.ifPresent(
        r ->
            jdbc.sql("SELECT kind, channel, template FROM messaging_template WHERE sender_id = :id")
                .param("id", r.id())
                .query(
                    (RowCallbackHandler)
                        rs ->
                            r.templates()
                                .computeIfAbsent(
                                    MessageKind.valueOf(rs.getString("kind")),
                                    k -> new EnumMap<>(Channel.class))
                                .put(
                                    Channel.valueOf(rs.getString("channel")),
                                    rs.getString("template"))));
    return row;
  }

  /** The scope's row, created empty if it has none; its id. */
  public long ensure(Long communityId) {
    jdbc.sql(
            "INSERT INTO messaging_sender (community_id) VALUES (:c)"
                + " ON CONFLICT (COALESCE(community_id, 0)) DO NOTHING")
        .param("c", communityId)
        .update();
    return find(communityId).orElseThrow().id();
  }

  /** Saves a scope's settings from the version that was shown (else 409). */
  public void save(
      long id,
      String smsSignName,
      String emailFrom,
      Map<MessageKind, Map<Channel, String>> templates,
      int version) {
    int n =
        jdbc.sql(
                "UPDATE messaging_sender SET sms_sign_name = :sign, email_from = :from, version = version + 1"
                    + " WHERE id = :id AND version = :v")
            .param("sign", smsSignName)
            .param("from", emailFrom)
            .param("id", id)
            .param("v", version)
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
    jdbc.sql("DELETE FROM messaging_template WHERE sender_id = :id").param("id", id).update();
    templates.forEach(
        (kind, byChannel) ->
            byChannel.forEach(
                (channel, template) ->
                    jdbc.sql(
                            "INSERT INTO messaging_template (sender_id, kind, channel, template)"
                                + " VALUES (:id, :k, :c, :t)")
                        .param("id", id)
                        .param("k", kind.name())
                        .param("c", channel.name())
                        .param("t", template)
                        .update()));
  }
}
