package com.wuye.center.staff.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session's JDBC repository with reads kept reads. The session row is still read on every
 * request (so a member whose session rows are deleted is refused at the next request, on any node),
 * but its last-access time — which Spring Session sets on every request and so writes with an
 * UPDATE — is written only when it moved by at least {@code touchInterval}: the idle timeout (8 h)
 * is then kept to within that interval, and a read request writes nothing.
 *
 * <p>Within one request a session is read once: Spring Session commits the session twice when the
 * response is committed before the filter chain returns (small JSON answers), and the second commit
 * asked the database again for the requested session's id. {@link SessionPersistence}'s filter
 * opens a per-request memo around each request; nothing is remembered across requests.
 */
final class TouchThrottlingSessionRepository
    implements FindByIndexNameSessionRepository<TouchThrottlingSessionRepository.ThrottledSession> {

  private static final ThreadLocal<Memo> REQUEST = new ThreadLocal<>();

  private final FindByIndexNameSessionRepository<Session> sessions;
  private final Duration touchInterval;

  @SuppressWarnings("unchecked")
  TouchThrottlingSessionRepository(
      FindByIndexNameSessionRepository<? extends Session> sessions, Duration touchInterval) {
    this.sessions = (FindByIndexNameSessionRepository<Session>) sessions;
    this.touchInterval = touchInterval;
  }

  /** The session of the current request, remembered until the request ends. */
  private static final class Memo {
    String id;
    ThrottledSession session;
  }

  /**
   * Opens the memo of a request (a nested dispatch gets its own); returns what {@link #endRequest}
   * restores.
   */
  static Object beginRequest() {
    Memo outer = REQUEST.get();
    REQUEST.set(new Memo());
    return outer;
  }

  static void endRequest(Object outer) {
    if (outer == null) {
      REQUEST.remove();
    } else {
      REQUEST.set((Memo) outer);
    }
  }

  @Override
  public ThrottledSession createSession() {
    return new ThrottledSession(sessions.createSession());
  }

  @Override
  public void save(ThrottledSession session) {
    sessions.save(session.delegate);
  }

  @Override
  public ThrottledSession findById(String id) {
    Memo memo = REQUEST.get();
    if (memo != null
        && memo.session != null
        && id.equals(memo.id)
        && id.equals(memo.session.getId())) {
      return memo.session;
    }
    Session found = sessions.findById(id);
    ThrottledSession session = found == null ? null : new ThrottledSession(found);
    if (memo != null) {
      memo.id = id;
      memo.session = session;
    }
    return session;
  }

  @Override
  public void deleteById(String id) {
    Memo memo = REQUEST.get();
    if (memo != null && id.equals(memo.id)) {
      memo.id = null;
      memo.session = null;
    }
    sessions.deleteById(id);
  }

  @Override
  public Map<String, ThrottledSession> findByIndexNameAndIndexValue(
      String indexName, String indexValue) {
    Map<String, ThrottledSession> out = new LinkedHashMap<>();
    sessions
        .findByIndexNameAndIndexValue(indexName, indexValue)
        .forEach((id, s) -> out.put(id, new ThrottledSession(s)));
    return out;
  }

  /** A stored session whose last-access time is passed on only when it moved far enough. */
  final class ThrottledSession implements Session {

    private final Session delegate;

    private ThrottledSession(Session delegate) {
      this.delegate = delegate;
    }

    @Override
    public void setLastAccessedTime(Instant time) {
      if (Duration.between(delegate.getLastAccessedTime(), time).compareTo(touchInterval) >= 0) {
        delegate.setLastAccessedTime(time);
      }
    }

    @Override
    public Instant getLastAccessedTime() {
      return delegate.getLastAccessedTime();
    }

    @Override
    public String getId() {
      return delegate.getId();
    }

    @Override
    public String changeSessionId() {
      return delegate.changeSessionId();
    }

    @Override
    public <T> T getAttribute(String name) {
      return delegate.getAttribute(name);
    }

    @Override
    public Set<String> getAttributeNames() {
      return delegate.getAttributeNames();
    }

    @Override
    public void setAttribute(String name, Object value) {
      delegate.setAttribute(name, value);
    }

    @Override
    public void removeAttribute(String name) {
      delegate.removeAttribute(name);
    }

    @Override
    public Instant getCreationTime() {
      return delegate.getCreationTime();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
      delegate.setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
      return delegate.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
      return delegate.isExpired();
    }
  }
}
