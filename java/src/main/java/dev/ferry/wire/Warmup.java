package dev.ferry.wire;

import dev.ferry.error.FerryFailure;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A training run for the JVM's class-data-sharing archive, run once by the build.
 *
 * <p>Starting the JVM and planning a first query loads some ten thousand classes (Calcite,
 * Janino, Arrow, drivers), which took ~1.5 s of a 2.5 s first result. The build runs this class
 * with {@code -XX:ArchiveClassesAtExit=jars/ferry.jsa}; Node then starts the JVM with that
 * archive, and the classes come mapped from disk instead of being parsed and verified again.
 * The work here mirrors what a first {@code ferry query} does: open, plan (pushed down whole
 * and joined in Calcite), explain, stream Arrow over a Unix socket; and what a first
 * {@code ferry check} does: inspect a catalog and validate statements against the snapshot;
 * and what {@code ferry copy} and {@code ferry verify} do: a chunked copy between two databases
 * and a comparison of the result.
 */
public final class Warmup {
  private Warmup() {}

  /**
   * Jars whose every class is loaded (not initialised) by the training run, so the archive holds
   * them although the run cannot reach their servers: a first query against PostgreSQL or
   * MariaDB otherwise parsed and verified some 170 driver classes from the jar (~40 ms).
   */
  private static final List<String> WHOLE_JARS = List.of("postgresql-", "mariadb-java-client-");

  /** Runs the training workload against two in-memory H2 databases. */
  public static void main(String[] args) throws Exception {
    loadWholeJars();
    String[] setup = {
        "CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR(40), amount DECIMAL(12,2),"
            + " created_at TIMESTAMP, active BOOLEAN, d DATE, b VARBINARY(8))",
        "INSERT INTO t VALUES (1, 'a', 1.50, TIMESTAMP '2024-01-01 00:00:00.123456', TRUE,"
            + " DATE '2024-01-01', X'00')",
    };
    for (String db : new String[] {"a", "b"}) {
      Tools.runScript(json("{\"url\":\"jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1\",\"statements\":"
          + "[\"" + String.join("\",\"", setup) + "\"]}"));
    }
    Engine engine = Engine.open(json("{\"databases\":[{\"name\":\"a\",\"url\":\"jdbc:h2:mem:a\","
        + "\"schema\":\"PUBLIC\"},{\"name\":\"b\",\"url\":\"jdbc:h2:mem:b\"}]}"));
    try {
      Tools.runtime();
      engine.explain(json("SELECT COUNT(*) FROM a.t WHERE id > 0"));
      // What a first `ferry check` does: inspect, then validate statements against the snapshot.
      String snapshot = new String(engine.inspect(json("{\"database\":\"a\"}")), StandardCharsets.UTF_8);
      Tools.validate(json("{\"snapshot\":" + snapshot + ",\"statements\":["
          + "{\"sql\":\"SELECT id, name FROM t WHERE amount > 1\",\"line\":1,\"column\":1},"
          + "{\"sql\":\"SELECT nosuch FROM t\",\"line\":2,\"column\":1}]}"));
      drain(engine, "SELECT id, name, amount, created_at, active, d, b FROM a.t WHERE id > 0 ORDER BY id");
      drain(engine, "SELECT x.id, SUM(y.amount) AS s FROM a.t x JOIN b.public.t y ON x.id = y.id"
          + " WHERE x.name <> 'z' GROUP BY x.id");
      drain(engine, "SELECT * FROM a.nosuch");
      drain(engine, "SELECT FROM");
      // What a first `ferry copy` and `ferry verify` do: plan, create, copy in chunks, compare.
      CopyTask copy = engine.copyJob(json("{\"from\":\"a\",\"to\":\"b\",\"table\":\"t\","
          + "\"targetTable\":\"t_copy\",\"toNamespace\":\"PUBLIC\",\"create\":true,"
          + "\"mode\":\"replace\",\"chunkRows\":1}"));
      copy.plan();
      copy.run();
      engine.verify(json("{\"from\":\"a\",\"to\":\"b\",\"table\":\"t\",\"targetTable\":\"t_copy\","
          + "\"toNamespace\":\"PUBLIC\"}"));
    } finally {
      engine.close();
    }
  }

  /** Loads every class of the {@link #WHOLE_JARS} on the classpath; one that cannot load is skipped. */
  private static void loadWholeJars() throws IOException {
    ClassLoader loader = Warmup.class.getClassLoader();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      String file = Path.of(entry).getFileName().toString();
      if (WHOLE_JARS.stream().noneMatch(file::startsWith)) {
        continue;
      }
      try (JarFile jar = new JarFile(entry)) {
        for (JarEntry e : Collections.list(jar.entries())) {
          String name = e.getName();
          if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.contains("module-info")) {
            continue;
          }
          try {
            Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
          } catch (ClassNotFoundException | LinkageError optional) {
            // A class needing an optional dependency (Kerberos, Waffle, …) stays out of the archive.
          }
        }
      }
    }
  }

  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Streams one query's result to a local socket and discards it; failures are expected too. */
  private static void drain(Engine engine, String sql) throws IOException, InterruptedException {
    Path path = Files.createTempFile("ferry-warmup", ".sock");
    Files.delete(path);
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(path));
      Thread reader = new Thread(() -> {
        try (SocketChannel c = server.accept(); InputStream in = Channels.newInputStream(c)) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException ignored) {
          // A failed query never connects; the server closing ends the wait.
        }
      });
      reader.start();
      try {
        engine.query(json(sql), 1024).streamTo(json(path.toString()));
      } catch (FerryFailure expected) {
        // Error paths load classes too.
      }
      server.close();
      reader.join();
    } finally {
      Files.deleteIfExists(path);
    }
  }
}
