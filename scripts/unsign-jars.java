// Removes the signature files (META-INF/*.SF, *.RSA, *.DSA, *.EC) from each jar named on the
// command line, rewriting it in place. Run by scripts/build-java.js on the jars Maven fetched.
//
// The JVM's class-data-sharing archive skips every class of a signed jar, and verifies the
// signature of each class it loads from one: Janino (which Calcite uses to generate code and
// its metadata handlers) is signed, and loading it that way cost ~130 ms of every first query.
// Only the signatures go; every class and resource stays byte for byte.
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

public class UnsignJars {
  private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");

  public static void main(String[] args) throws IOException {
    for (String arg : args) {
      Path jar = Path.of(arg);
      if (!signed(jar)) {
        continue;
      }
      Path tmp = jar.resolveSibling(jar.getFileName() + ".unsigned");
      try (ZipFile in = new ZipFile(jar.toFile());
           ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
        Enumeration<? extends ZipEntry> entries = in.entries();
        while (entries.hasMoreElements()) {
          ZipEntry e = entries.nextElement();
          if (SIGNATURE.matcher(e.getName().toUpperCase(java.util.Locale.ROOT)).matches()) {
            continue;
          }
          ZipEntry copy = new ZipEntry(e.getName());
          copy.setTime(e.getTime());
          out.putNextEntry(copy);
          in.getInputStream(e).transferTo(out);
          out.closeEntry();
        }
      }
      Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
      System.err.println("ferry: removed the signature from " + jar.getFileName());
    }
  }

  private static boolean signed(Path jar) throws IOException {
    try (ZipFile z = new ZipFile(jar.toFile())) {
      return z.stream().anyMatch(e -> SIGNATURE.matcher(e.getName().toUpperCase(java.util.Locale.ROOT)).matches());
    }
  }
}
