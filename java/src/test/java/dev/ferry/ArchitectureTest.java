package dev.ferry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules the sources keep: engine names only inside the dialect packages, short files, a
 * package-info per package, and imports that only point down the layers.
 */
class ArchitectureTest {
  private static final Path ROOT = Path.of("src/main/java");
  private static final Path FERRY = ROOT.resolve("dev/ferry");
  private static final Path DIALECTS = FERRY.resolve("dialect");
  private static final int MAX_LINES = 400;
  private static final Set<String> ENGINE_NAMES = Set.of("postgresql", "postgres", "mariadb",
      "mysql", "sqlite", "h2", "hsqldb", "derby", "duckdb");

  /**
   * Each package's layer: a package may import packages of its own layer or lower ones. Every
   * engine package {@code dev.ferry.dialect.<engine>} is layer 5 and is imported by no other.
   */
  private static final Map<String, Integer> RANKS = Map.ofEntries(
      Map.entry("error", 0),
      Map.entry("message", 1), Map.entry("util", 1), Map.entry("types", 1), Map.entry("checksum", 1),
      Map.entry("crypt", 1),
      Map.entry("config", 2), Map.entry("catalog", 2), Map.entry("arrow", 2), Map.entry("validate", 2),
      Map.entry("sink", 3), Map.entry("ddl", 3), Map.entry("archive", 3),
      Map.entry("dialect", 4),
      Map.entry("connect", 6),
      Map.entry("inspect", 7), Map.entry("planner", 7),
      Map.entry("federation", 8),
      Map.entry("copy", 9), Map.entry("verify", 9), Map.entry("migrate", 9), Map.entry("backup", 9),
      Map.entry("sync", 9),
      Map.entry("wire", 10));
  private static final int ENGINE_RANK = 5;

  private static final Pattern IMPORT =
      Pattern.compile("(?m)^import\\s+(?:static\\s+)?(dev\\.ferry(?:\\.[a-z][a-z0-9_]*)*)\\.[A-Z]");
  private static final Pattern QUALIFIED =
      Pattern.compile("(?<![\\w.])(dev\\.ferry(?:\\.[a-z][a-z0-9_]*)*)\\.[A-Z]");

  /** One source file: its path, text, string literals and code without comments or literals. */
  private record Source(Path path, String text, List<String> literals, String code) {
    String pkg() {
      return ROOT.relativize(path.getParent()).toString().replace('/', '.').replace('\\', '.');
    }
  }

  private static List<Source> sources;

  @BeforeAll static void readSources() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).sorted().map(ArchitectureTest::read)
          .toList();
    }
    assertTrue(sources.size() > 100, "found the sources: " + sources.size());
  }

  private static Source read(Path p) {
    try {
      String text = Files.readString(p, StandardCharsets.UTF_8);
      List<String> literals = new ArrayList<>();
      return new Source(p, text, literals, lex(text, literals));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Splits Java source into code (returned, with comments and literals blanked) and the contents
   * of its string literals and text blocks (added to {@code literals}).
   */
  static String lex(String s, List<String> literals) {
    StringBuilder code = new StringBuilder(s.length());
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        int end = s.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        code.append(' ');
      } else if (s.startsWith("\"\"\"", i)) {
        int start = s.indexOf('\n', i) + 1;
        int end = start;
        while (!s.startsWith("\"\"\"", end) || s.charAt(end - 1) == '\\') {
          end++;
        }
        literals.add(s.substring(start, end));
        code.append("\"\"");
        i = end + 3;
      } else if (c == '"' || c == '\'') {
        StringBuilder lit = new StringBuilder();
        int j = i + 1;
        while (s.charAt(j) != c) {
          if (s.charAt(j) == '\\') {
            lit.append(s.charAt(j + 1));
            j += 2;
          } else {
            lit.append(s.charAt(j++));
          }
        }
        if (c == '"') {
          literals.add(lit.toString());
        }
        code.append(c).append(c);
        i = j + 1;
      } else {
        code.append(c);
        i++;
      }
    }
    return code.toString();
  }

  @Test void theLexerSeesLiteralsNotComments() {
    List<String> literals = new ArrayList<>();
    String code = lex("// \"h2\"\n/* \"duckdb\" */ String a = \"x\\\"y\"; char q = '\"';\n"
        + "String b = \"\"\"\n  text \"block\"\n  \"\"\"; String c = \"jdbc:h2:mem:\";", literals);
    assertEquals(List.of("x\"y", "  text \"block\"\n  ", "jdbc:h2:mem:"), literals);
    assertTrue(!code.contains("h2") && !code.contains("duckdb") && code.contains("String a"), code);
  }

  @Test void engineNamesAreSpelledOnlyInsideTheDialectPackages() {
    List<String> found = new ArrayList<>();
    for (Source s : sources) {
      if (s.path().startsWith(DIALECTS)) {
        continue;
      }
      for (String lit : s.literals()) {
        if (ENGINE_NAMES.contains(lit.toLowerCase(Locale.ROOT))) {
          found.add(ROOT.relativize(s.path()) + ": \"" + lit + "\"");
        }
      }
    }
    assertEquals(List.of(), found, "shared code asks the dialect instead of comparing engine names");
  }

  @Test void noSourceFileIsLong() {
    List<String> long_ = new ArrayList<>();
    for (Source s : sources) {
      long lines = s.text().lines().count();
      if (lines > MAX_LINES) {
        long_.add(ROOT.relativize(s.path()) + " (" + lines + " lines)");
      }
    }
    assertEquals(List.of(), long_, "files over " + MAX_LINES + " lines");
  }

  @Test void everyPackageHasAPackageInfo() {
    Set<String> missing = new TreeSet<>();
    for (Source s : sources) {
      if (s.path().startsWith(FERRY) && !Files.exists(s.path().resolveSibling("package-info.java"))) {
        missing.add(s.pkg());
      }
    }
    assertEquals(Set.of(), missing);
  }

  /** The layer of a Ferry package, or -1 when it has none yet. */
  private static int rank(String pkg) {
    if (pkg.startsWith("dev.ferry.dialect.")) {
      return ENGINE_RANK;
    }
    return pkg.equals("dev.ferry") ? 0 : RANKS.getOrDefault(pkg.substring("dev.ferry.".length()), -1);
  }

  private static boolean enginePackage(String pkg) {
    return pkg.startsWith("dev.ferry.dialect.");
  }

  /** Every Ferry package a source refers to: by import, or by a qualified name in its code. */
  private static Set<String> references(Source s) {
    Set<String> out = new TreeSet<>();
    Matcher m = IMPORT.matcher(s.text());
    while (m.find()) {
      out.add(m.group(1));
    }
    m = QUALIFIED.matcher(s.code().replaceAll("(?m)^(package|import)\\s[^;]*;", ""));
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test void everyPackageHasALayer() {
    Set<String> unranked = new TreeSet<>();
    for (Source s : sources) {
      if (s.path().startsWith(FERRY) && rank(s.pkg()) < 0) {
        unranked.add(s.pkg());
      }
    }
    assertEquals(Set.of(), unranked, "give new packages a layer in ArchitectureTest.RANKS");
  }

  @Test void importsOnlyPointDownTheLayers() {
    List<String> wrong = new ArrayList<>();
    int edges = 0;
    for (Source s : sources) {
      if (!s.path().startsWith(FERRY)) {
        continue;
      }
      String from = s.pkg();
      for (String to : references(s)) {
        if (to.equals(from)) {
          continue;
        }
        edges++;
        String file = ROOT.relativize(s.path()).toString();
        if (rank(to) < 0) {
          wrong.add(file + ": " + to + " is no package");
        } else if (rank(to) > rank(from)) {
          wrong.add(file + ": " + from + " (layer " + rank(from) + ") uses " + to + " (layer "
              + rank(to) + ")");
        } else if (enginePackage(to)) {
          wrong.add(file + ": " + from + " uses the engine package " + to);
        }
      }
    }
    assertTrue(edges > 50, "found the imports: " + edges);
    assertEquals(List.of(), wrong);
  }
}
