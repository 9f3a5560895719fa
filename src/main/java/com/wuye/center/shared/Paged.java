package com.wuye.center.shared;

import java.util.List;

/** One page of a list: its items, the page number (from 0), the page size and the total count. */
public record Paged<T>(List<T> items, int page, int size, long total) {

  public Paged {
    items = List.copyOf(items);
  }

  public int pages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }

  public boolean hasNext() {
    return (long) (page + 1) * size < total;
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  /** Clamps a requested page number and size to sane bounds. */
  public static int[] bounds(Integer page, Integer size, int defaultSize) {
    int s = size == null || size < 1 ? defaultSize : Math.min(size, 100);
    int p = page == null || page < 0 ? 0 : Math.min(page, 100_000);
    return new int[] {p, s};
  }
}
