// Takes JDBC drivers off the list java.sql.DriverManager loads at its first use: rewrites
// META-INF/services/java.sql.Driver in each jar named after `--` without the driver classes named
// before it, in place, through the zip file system (the other entries are copied as they are).
// Run by scripts/build-java.js for the drivers java/jvm-options.json lists as `lazyDrivers`.
//
// DriverManager loads and initializes every registered driver the first time anything connects,
// whichever database is asked for. A driver whose class initialization is costly (DuckDB's starts
// Java Flight Recorder machinery, about 0.4 s) would make every Ferry process pay for it; taken
// off the list, it is loaded by its dialect only when one of its databases is used.
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

public class LazyDrivers {
  public static void main(String[] args) throws IOException {
    int sep = List.of(args).indexOf("--");
    if (sep < 0) {
      throw new IllegalArgumentException("usage: LazyDrivers DRIVER_CLASS… -- JAR…");
    }
    Set<String> lazy = Set.copyOf(List.of(args).subList(0, sep));
    for (String arg : List.of(args).subList(sep + 1, args.length)) {
      Path jar = Path.of(arg).toAbsolutePath();
      try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
        Path services = zip.getPath("META-INF", "services", "java.sql.Driver");
        if (!Files.exists(services)) {
          continue;
        }
        List<String> kept = new ArrayList<>();
        boolean changed = false;
        for (String line : Files.readAllLines(services, StandardCharsets.UTF_8)) {
          if (lazy.contains(line.strip())) {
            changed = true;
          } else {
            kept.add(line);
          }
        }
        if (changed) {
          Files.write(services, kept, StandardCharsets.UTF_8);
          System.err.println("ferry: " + jar.getFileName() + "'s driver loads only when its dialect is used");
        }
      }
    }
  }
}
