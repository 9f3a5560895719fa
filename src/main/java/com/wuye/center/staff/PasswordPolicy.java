package com.wuye.center.staff;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.TreeSet;
import org.passay.DictionaryRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RuleResult;
import org.passay.UsernameRule;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.WordLists;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The password policy (Passay) for every password a person sets — a staff member created or reset
 * by an administrator, a resident activating their account, anyone changing or resetting their own:
 * at least {@value #MIN_LENGTH} characters, not containing the username (nor the username
 * reversed), not one of the common passwords shipped in {@code security/common-passwords.txt}, no
 * control characters, at most {@value #MAX_BYTES} bytes (what bcrypt reads). Passwords already
 * stored (the demo accounts') keep working: the policy is checked when a password is set, never at
 * login.
 */
@Component
public class PasswordPolicy {

  public static final int MIN_LENGTH = 10;
  static final int MAX_BYTES = 72;
  private static final String COMMON = "security/common-passwords.txt";

  private final PasswordValidator validator;

  PasswordPolicy() {
    ArrayWordList common = new ArrayWordList(commonPasswords(), false);
    validator =
        new PasswordValidator(
            new LengthRule(MIN_LENGTH, Integer.MAX_VALUE),
            new UsernameRule(true, true),
            new DictionaryRule(new WordListDictionary(common)));
  }

  /**
   * Refuses a password that breaks the policy, naming the field.
   *
   * @param username the account's login name (a staff username, or a resident's phone)
   * @return the password as typed (never trimmed)
   */
  public String check(String field, String username, String password) {
    if (password == null || password.isEmpty()) {
      throw DomainException.invalid(field, "error.required");
    }
    Text.refuseControlCharacters(field, password);
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw DomainException.invalid(field, "error.password.tooLong", MAX_BYTES);
    }
    RuleResult result =
        validator.validate(new PasswordData(username == null ? "" : username, password));
    if (!result.isValid()) {
      String code = result.getDetails().get(0).getErrorCode();
      throw switch (code) {
        case LengthRule.ERROR_CODE_MIN ->
            DomainException.invalid(field, "error.password.tooShort", MIN_LENGTH);
        case UsernameRule.ERROR_CODE, UsernameRule.ERROR_CODE_REVERSED ->
            DomainException.invalid(field, "error.password.username");
        default -> DomainException.invalid(field, "error.password.common");
      };
    }
    return password;
  }

  /** The shipped list: lower case, sorted as the case-insensitive dictionary searches it. */
  private static String[] commonPasswords() {
    TreeSet<String> words = new TreeSet<>(WordLists.CASE_INSENSITIVE_COMPARATOR);
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new ClassPathResource(COMMON).getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          words.add(line.strip().toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + COMMON, e);
    }
    return words.toArray(String[]::new);
  }
}
