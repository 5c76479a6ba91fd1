package dev.ferry.wire;

import dev.ferry.types.CalciteSyntax;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code src/config/reserved-words.gen.ts}, the TypeScript copy of the words Ferry's SQL
 * parser reserves ({@link CalciteSyntax#reservedWords()}): Node checks configured database names
 * against it when a config loads, without starting the JVM. {@code npm run build:java} runs
 * {@link #main}; a unit test fails when the committed file differs from the parser's list.
 */
public final class ReservedWordsFile {
  private static final int WIDTH = 100;

  private ReservedWordsFile() {}

  /** Writes the file named by the only argument. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ReservedWordsFile OUTPUT.ts");
    }
    Files.writeString(Path.of(args[0]), generate(), StandardCharsets.UTF_8);
  }

  /** The file's TypeScript text: one frozen set of upper-case words, wrapped to 100 columns. */
  public static String generate() {
    StringBuilder out = new StringBuilder()
        .append("// Generated from Calcite's parser by dev.ferry.wire.ReservedWordsFile; do not edit.\n")
        .append("// `npm run build:java` writes it; a Java unit test fails when it is stale.\n\n")
        .append("/** The words Ferry's SQL parser reserves (upper case): a name spelled like one must be quoted. */\n")
        .append("export const RESERVED_WORDS: ReadonlySet<string> = new Set([\n");
    StringBuilder line = new StringBuilder();
    for (String word : CalciteSyntax.reservedWords()) {
      String item = "'" + word + "',";
      if (line.length() > 0 && line.length() + 1 + item.length() > WIDTH) {
        out.append(line).append('\n');
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "  " : " ").append(item);
    }
    if (line.length() > 0) {
      out.append(line).append('\n');
    }
    return out.append("]);\n").toString();
  }
}
