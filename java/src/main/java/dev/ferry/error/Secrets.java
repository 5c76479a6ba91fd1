package dev.ferry.error;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Every secret this JVM was handed (configured passwords, passwords inside JDBC URLs), so that
 * no message leaving it repeats one, whoever wrote the message: Ferry, Calcite or a driver.
 *
 * <p>{@link FerryFailure} scrubs its message and details through {@link #scrub}; a database's
 * spec registers its secrets when it is read. Secrets of three characters or fewer are masked
 * only where they stand alone (between non-alphanumerics), so a weak password does not garble
 * every word that contains it.
 */
public final class Secrets {
  /** What a secret is replaced by. */
  public static final String MASK = "***";
  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
  /** {@code user:password@} in a URL's authority. */
  private static final Pattern USER_INFO = Pattern.compile("//[^/:@?;]*:([^@/?;]+)@");
  /** {@code password=…}, {@code sslpassword=…} and the like in a URL's parameters. */
  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("(?i)[?&;:][a-z_.]*password=([^&;]+)");

  private Secrets() {}

  /** Remembers {@code secret} (null or empty: nothing) so every later message masks it. */
  public static void register(@Nullable String secret) {
    if (secret != null && !secret.isEmpty() && !secret.equals(MASK)) {
      SECRETS.add(secret);
      String decoded = urlDecoded(secret);
      if (!decoded.equals(secret)) {
        SECRETS.add(decoded);
      }
    }
  }

  /** The secrets written inside {@code url}: a user-info password, {@code password=} values. */
  public static List<String> inUrl(String url) {
    List<String> out = new ArrayList<>();
    Matcher m = USER_INFO.matcher(url);
    if (m.find()) {
      out.add(m.group(1));
    }
    Matcher p = PASSWORD_PARAM.matcher(url);
    while (p.find()) {
      out.add(p.group(1));
    }
    return out;
  }

  /** {@code text} with every registered secret replaced by {@link #MASK}; null stays null. */
  public static @Nullable String scrub(@Nullable String text) {
    if (text == null || SECRETS.isEmpty()) {
      return text;
    }
    List<String> all = new ArrayList<>(SECRETS);
    // Longest first, so a secret containing another is masked whole.
    all.sort(Comparator.comparingInt(String::length).reversed());
    String out = text;
    for (String s : all) {
      if (s.length() > 3) {
        out = out.replace(s, MASK);
      } else {
        out = out.replaceAll("(?<![\\p{Alnum}])" + Pattern.quote(s) + "(?![\\p{Alnum}])",
            Matcher.quoteReplacement(MASK));
      }
    }
    return out;
  }

  private static String urlDecoded(String s) {
    try {
      return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
