package bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The app JVM's own counters, read from its hsperfdata file (what jstat and {@code jcmd
 * PerfCounter.print} read), so sampling them costs the app nothing: no HTTP request, no attach.
 * JIT compilation time (the {@code CompilationMXBean}'s figure), GC time and heap in use.
 */
final class PerfData {
  private PerfData() {}

  /** Every long counter of a JVM, by name; empty when the JVM runs without -XX:+UsePerfData. */
  static Map<String, Long> read(long pid) {
    Map<String, Long> out = new LinkedHashMap<>();
    Path file = Path.of(System.getProperty("java.io.tmpdir"), "hsperfdata_" + System.getProperty("user.name"), String.valueOf(pid));
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return out;
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    if (bytes.length < 32 || b.getInt(0) != 0xcafec0c0) {
      return out;
    }
    b.order(b.get(4) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    int entry = b.getInt(24);
    int entries = b.getInt(28);
    for (int i = 0; i < entries && entry + 20 <= bytes.length; i++) {
      int length = b.getInt(entry);
      int nameOffset = b.getInt(entry + 4);
      int vectorLength = b.getInt(entry + 8);
      byte type = b.get(entry + 12);
      int dataOffset = b.getInt(entry + 16);
      if (length <= 0) {
        break;
      }
      if (type == 'J' && vectorLength == 0) {
        int n = entry + nameOffset;
        int end = n;
        while (end < bytes.length && bytes[end] != 0) {
          end++;
        }
        out.put(new String(bytes, n, end - n, StandardCharsets.US_ASCII), b.getLong(entry + dataOffset));
      }
      entry += length;
    }
    return out;
  }

  /** The JVM's counters that the benchmark uses. */
  record Jvm(double jitMs, long compiles, double gcMs, long heapUsedBytes) {
    static final Jvm NONE = new Jvm(0, 0, 0, 0);
  }

  static Jvm jvm(long pid) {
    Map<String, Long> c = read(pid);
    Long hz = c.get("sun.os.hrt.frequency");
    if (hz == null || hz == 0) {
      return Jvm.NONE;
    }
    double jit = c.getOrDefault("java.ci.totalTime", 0L) * 1000.0 / hz;
    double gc = 0;
    long heap = 0;
    for (var e : c.entrySet()) {
      String k = e.getKey();
      if (k.startsWith("sun.gc.collector.") && k.endsWith(".time")) {
        gc += e.getValue() * 1000.0 / hz;
      } else if (k.startsWith("sun.gc.generation.") && k.contains(".space.") && k.endsWith(".used")) {
        heap += e.getValue();
      }
    }
    return new Jvm(jit, c.getOrDefault("sun.ci.totalCompiles", 0L), gc, heap);
  }
}
