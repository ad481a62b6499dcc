package rolepath;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * A local Neo4j 5 Community for development and tests: the real kernel and Cypher runtime
 * with the Bolt server inside, no HTTP. Reads NEO4J_PORT, NEO4J_DATA_DIR and NEO4J_PASSWORD;
 * prints one line with the bolt:// address once it answers queries; stops on SIGTERM/Ctrl-C.
 */
public final class Neo4jLauncher {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(env("NEO4J_PORT", "7687"));
    Path dataDir = Path.of(env("NEO4J_DATA_DIR", "./data/neo4j")).toAbsolutePath().normalize();
    String password = env("NEO4J_PASSWORD", "rolepath-dev-password");
    if (password.length() < 8) throw new IllegalArgumentException("NEO4J_PASSWORD must have at least 8 characters");

    Map<String, String> settings = Map.ofEntries(
            Map.entry("server.bolt.enabled", "true"),
            Map.entry("server.bolt.listen_address", "127.0.0.1:" + port),
            Map.entry("server.bolt.advertised_address", "127.0.0.1:" + port),
            Map.entry("server.http.enabled", "false"),
            Map.entry("server.https.enabled", "false"),
            Map.entry("dbms.security.auth_enabled", "true"),
            // A small page cache: the graphs we test are small, and the machine runs Kùzu beside it.
            Map.entry("server.memory.pagecache.size", env("NEO4J_PAGECACHE", "256m")),
            // Bound what all transactions together may hold, so a runaway user query fails with a
            // memory error instead of taking the JVM down.
            Map.entry("dbms.memory.transaction.total.max", env("NEO4J_TX_MEMORY", "768m")),
            // …and what one transaction may hold, so one user query cannot take all of it.
            Map.entry("db.memory.transaction.max", env("NEO4J_TX_MEMORY_ONE", "256m")),
            Map.entry("db.tx_log.preallocate", "false"),
            // Short transaction timeouts (user Cypher) must fire promptly.
            Map.entry("db.transaction.monitor.check.interval", "100ms"),
            // User Cypher must never read files: no file URLs for LOAD CSV at all.
            Map.entry("dbms.security.allow_csv_import_from_file_urls", "false"),
            // Tests try wrong passwords on purpose: no lock-out of the one user for everyone after three.
            Map.entry("dbms.security.auth_max_failed_attempts", "0"),
            Map.entry("dbms.usage_report.enabled", "false"));
    // The embedded builder takes raw setting names only from a file: write them to one.
    Files.createDirectories(dataDir);
    Path conf = dataDir.resolve("rolepath-neo4j.conf");
    StringBuilder lines = new StringBuilder();
    settings.forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
    Files.writeString(conf, lines.toString());
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir).loadPropertiesFromFile(conf).build();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("Neo4j: stopping");
      dbms.shutdown();
      System.out.println("Neo4j: stopped");
    }));

    try {
      dbms.database("system").executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
    } catch (RuntimeException e) {
      // Already set to this password on an earlier run (Neo4j refuses to set the same one again).
      if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) throw e;
    }
    dbms.database("neo4j").executeTransactionally("RETURN 1");
    System.out.println("Neo4j " + org.neo4j.kernel.internal.Version.getNeo4jVersion()
        + " ready at bolt://127.0.0.1:" + port + " (user neo4j, data " + dataDir + ")");
    if ("1".equals(System.getenv("NEO4J_EXIT_WITH_PARENT"))) {
      // Started by `npm run neo4j`: stdin is a pipe from that process, so end of input means it is gone
      // (killed however hard), and this JVM must not outlive it holding the port and the data folder.
      while (System.in.read() != -1) {
        // discard
      }
      System.exit(0);
    }
    Thread.currentThread().join();
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
