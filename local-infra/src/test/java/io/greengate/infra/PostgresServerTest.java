package io.greengate.infra;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PostgresServerTest {

    @Test
    void theLocalRunsServerIsDurable() throws Exception {
        Path data = Files.createTempDirectory("greengate-pg");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (PostgresServer server = PostgresServer.startPersistent(data, port);
             Connection connection = DriverManager.getConnection(server.jdbcUrl(), PostgresServer.USER, "")) {
            Map<String, String> settings = new LinkedHashMap<>();
            for (String name : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet row = connection.createStatement().executeQuery("show " + name)) {
                    row.next();
                    settings.put(name, row.getString(1));
                }
            }
            assertEquals(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"), settings);
        }
    }
}
