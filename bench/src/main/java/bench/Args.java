package bench;

import java.util.HashMap;
import java.util.Map;

/** --key value / --flag command-line options. */
final class Args {
  private Args() {}

  static Map<String, String> parse(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        String key = args[i].substring(2);
        if (key.contains("=")) {
          out.put(key.substring(0, key.indexOf('=')), key.substring(key.indexOf('=') + 1));
        } else if (i + 1 < args.length && (key.equals("app-args") || key.equals("app-jvm"))) {
          // their value is options of the app, starting with "-" or "--" themselves
          out.put(key, args[++i]);
        } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
          out.put(key, args[++i]);
        } else {
          out.put(key, "true");
        }
      }
    }
    return out;
  }
}
