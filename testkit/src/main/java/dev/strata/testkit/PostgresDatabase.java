package dev.strata.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A {@link TestDatabase} on the {@link PostgresServer}: the adapter over its existing API. */
final class PostgresDatabase implements TestDatabase {
  private final PostgresServer server;
  private final String name;

  PostgresDatabase(PostgresServer server, String name) {
    this.server = server;
    this.name = name;
  }

  @Override
  public String dialect() {
    return "postgresql";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String jdbcUrl() {
    return server.jdbcUrl(name);
  }

  @Override
  public ClientRun apply(Path script) {
    PostgresServer.ProcessResult run = server.psql(name, script);
    return new ClientRun(run.exitCode(), run.stdout(), run.stderr());
  }

  @Override
  public List<String> clientCommand() {
    return List.of("psql", "-X", "-v", "ON_ERROR_STOP=1", "-d",
        server.clientEnvironment(name).get("DATABASE_URL"));
  }

  @Override
  public Map<String, String> clientEnvironment() {
    return Map.of("PGPASSWORD", server.clientEnvironment(name).get("PGPASSWORD"));
  }

  @Override
  public void execute(String sql) {
    server.execute(name, sql);
  }

  @Override
  public List<String> query(String sql) {
    return server.query(name, sql);
  }

  @Override
  public String schema(Set<String> excludedTables) {
    return server.schemaDump(name, new ArrayList<>(excludedTables.stream().sorted().toList()));
  }

  @Override
  public void close() {
    server.dropDatabase(name);
  }
}
