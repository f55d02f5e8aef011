package org.octograph.neo4j;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;

/**
 * A Neo4j 5 Community server for development and tests, without Docker: the database of
 * org.neo4j:neo4j with its Bolt connector on 127.0.0.1, authentication on.
 *
 * <pre>
 * java -cp 'target/classes:target/lib/*' org.octograph.neo4j.LocalNeo4j --data DIR [--port N]
 * </pre>
 *
 * <ul>
 *   <li>{@code --data DIR} (or NEO4J_DATA_DIR): the server's folder (databases, transaction logs,
 *       logs); created if missing, reused if it holds a database already.
 *   <li>{@code --port N} (or NEO4J_PORT, default 7687): the Bolt port; 0 picks a free one.
 *   <li>NEO4J_PASSWORD (required, 8 characters or more): the password of the user {@code neo4j}.
 * </ul>
 *
 * <p>When the server accepts connections it prints one line, {@code neo4j-server: ready at
 * bolt://127.0.0.1:PORT (Neo4j Kernel 5.26.x community)}. SIGTERM or SIGINT shuts the database
 * down cleanly (the JVM's shutdown hook) and prints {@code neo4j-server: stopped}. The database
 * commits to its transaction log with fsync, as a packaged server does, so SIGKILL loses no
 * committed transaction.
 */
public final class LocalNeo4j {
  private LocalNeo4j() {}

  public static void main(String[] args) throws Exception {
    String dataArg = System.getenv("NEO4J_DATA_DIR");
    String portArg = System.getenv().getOrDefault("NEO4J_PORT", "7687");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> dataArg = valueOf(args, ++i, "--data");
        case "--port" -> portArg = valueOf(args, ++i, "--port");
        default -> fail("unknown argument " + args[i] + " (expected --data DIR [--port N])");
      }
    }
    if (dataArg == null || dataArg.isEmpty()) fail("--data DIR (or NEO4J_DATA_DIR) is required");
    String password = System.getenv("NEO4J_PASSWORD");
    if (password == null || password.length() < 8) {
      fail("NEO4J_PASSWORD must be set, 8 characters or more");
    }
    int port;
    try {
      port = Integer.parseInt(portArg);
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) fail("the port must be a number from 0 to 65535, not " + portArg);
    if (port == 0) port = freePort();

    Path home = Path.of(dataArg).toAbsolutePath();
    Files.createDirectories(home);
    DatabaseManagementService service =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
            .build();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.shutdown();
                  System.out.println("neo4j-server: stopped");
                  System.out.flush();
                  stopped.countDown();
                },
                "neo4j-server-shutdown"));

    setPassword(service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
    GraphDatabaseService neo4j = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    String version =
        neo4j.executeTransactionally(
            "CALL dbms.components() YIELD name, versions, edition"
                + " RETURN name + ' ' + versions[0] + ' ' + edition AS version",
            Map.of(),
            result -> (String) result.next().get("version"));
    System.out.println(
        "neo4j-server: ready at bolt://127.0.0.1:" + port + " (" + version + ", data in " + home + ")");
    System.out.flush();
    stopped.await();
  }

  /**
   * Sets the password of the user neo4j and clears "change required" (a new database starts with
   * the password neo4j, which must be changed before anything else). Bolt is already listening on
   * 127.0.0.1 meanwhile, but the ready line is printed only after this, and until then the only
   * thing the default password allows is changing it.
   */
  private static void setPassword(GraphDatabaseService system, String password) {
    try {
      system.executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
          Map.of("password", password));
    } catch (QueryExecutionException e) {
      // A data folder reused with the same password: Neo4j refuses to "change" it to itself.
      if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String valueOf(String[] args, int index, String name) {
    if (index >= args.length) fail(name + " needs a value");
    return args[index];
  }

  private static void fail(String message) {
    System.err.println("neo4j-server: " + message);
    System.exit(2);
  }
}
