package com.funnelgate.gateway.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * One real PostgreSQL server per JVM, from the binaries in a Maven artifact: the embedded default of
 * the demo and of the tests. Started on first use, stopped when the JVM exits; each application
 * context asks for a database by name and gets it created if missing.
 */
final class EmbeddedPostgresServer {

    static final String USER = "postgres";

    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    /** The server's port, starting it with the given settings if this JVM has none yet. */
    static synchronized int start(int port, Map<String, String> settings) {
        if (server == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port);
                settings.forEach(builder::setServerConfig);
                server = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
            }
        }
        return server.getPort();
    }

    /** Creates the database unless it exists. Blocking JDBC: runs once, at start-up. */
    static synchronized void ensureDatabase(String database) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " on the embedded server", e);
        }
    }
}
