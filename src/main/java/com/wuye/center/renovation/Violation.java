package com.wuye.center.renovation;

import java.time.Instant;

/**
 * A violation found on site (RN-12): what and which rule, by when it must be rectified (a deadline
 * clock runs until then), and whether it was.
 */
public final class Violation {

  /** Which rule was broken. */
  public enum Category {
    WORK_HOURS,
    NOISE_HOURS,
    WASTE,
    STRUCTURE,
    UNAPPROVED_SCOPE,
    SAFETY,
    OTHER
  }

  public enum Status {
    OPEN,
    RECTIFIED
  }

  private Long id;
  private final Category category;
  private final String description;
  private final Instant foundAt;
  private final long foundBy;
  private final String foundByName;
  private final Instant deadline;
  private Long clockId;
  private Status status;
  private Instant rectifiedAt;
  private String rectifiedByName;
  private String rectifiedNote;
  private boolean changed;

  /** A stored or new violation (id null until saved). */
  public Violation(
      Long id,
      Category category,
      String description,
      Instant foundAt,
      long foundBy,
      String foundByName,
      Instant deadline,
      Long clockId,
      Status status,
      Instant rectifiedAt,
      String rectifiedByName,
      String rectifiedNote) {
    this.id = id;
    this.category = category;
    this.description = description;
    this.foundAt = foundAt;
    this.foundBy = foundBy;
    this.foundByName = foundByName;
    this.deadline = deadline;
    this.clockId = clockId;
    this.status = status;
    this.rectifiedAt = rectifiedAt;
    this.rectifiedByName = rectifiedByName;
    this.rectifiedNote = rectifiedNote;
  }

  void rectified(Instant at, String by, String note) {
    status = Status.RECTIFIED;
    rectifiedAt = at;
    rectifiedByName = by;
    rectifiedNote = note;
    changed = true;
  }

  /** The repository gives a new violation its id. */
  public void stored(long id) {
    this.id = id;
  }

  /** Its deadline clock started. */
  public void clockStarted(long clockId) {
    this.clockId = clockId;
  }

  public boolean open() {
    return status == Status.OPEN;
  }

  /** Changed since loaded (the repository writes it). */
  public boolean changed() {
    return changed;
  }

  public Long id() {
    return id;
  }

  public Category category() {
    return category;
  }

  public String description() {
    return description;
  }

  public Instant foundAt() {
    return foundAt;
  }

  public long foundBy() {
    return foundBy;
  }

  public String foundByName() {
    return foundByName;
  }

  public Instant deadline() {
    return deadline;
  }

  public Long clockId() {
    return clockId;
  }

  public Status status() {
    return status;
  }

  public Instant rectifiedAt() {
    return rectifiedAt;
  }

  public String rectifiedByName() {
    return rectifiedByName;
  }

  public String rectifiedNote() {
    return rectifiedNote;
  }
}
