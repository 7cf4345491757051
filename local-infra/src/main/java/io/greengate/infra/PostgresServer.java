package io.greengate.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** A real PostgreSQL server from the binaries inside the zonky jar; no Docker, no system package. */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A throw-away server on a free port, for tests. */
    public static PostgresServer startEphemeral() throws IOException {
        return new PostgresServer(EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .start());
    }

    /**
     * A server whose data survives restarts, for the local run: durable, unlike the test servers (the embedded
     * server's defaults trade fsync, synchronous commit and full-page writes for speed, and a machine crash could
     * then lose or corrupt what users keep in ./data).
     */
    public static PostgresServer startPersistent(Path dataDirectory, int port) throws IOException {
        return new PostgresServer(EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // a first start with fsync on writes the whole new cluster to disk: slower than the 10 s default
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start());
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
