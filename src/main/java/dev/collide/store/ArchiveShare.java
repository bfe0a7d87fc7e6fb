package dev.collide.store;

import dev.collide.config.DatabaseConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the CLI use an embedded H2 archive while {@code run} or {@code serve} holds it open (issue #14): the daemon
 * serves its open database over H2's TCP protocol on loopback, and writes where to {@code <file>.server} beside the
 * database file (owner-only, like H2's own AUTO_SERVER lock file). A CLI process that finds the file in use reads
 * that address and connects through the daemon.
 *
 * <p>Why not {@code AUTO_SERVER=TRUE} in the default URL: H2 refuses it together with {@code DB_CLOSE_ON_EXIT=FALSE},
 * which the daemon needs so that H2's exit hook does not close the file under running jobs (issue #8); and its
 * server listens on every interface. Here the daemon keeps its embedded URL unchanged and the server accepts only
 * local connections (no {@code -tcpAllowOthers}) that name a random key, never another database.
 *
 * <p>Not thread-safe; opened and closed by the one command that owns the database.
 */
public final class ArchiveShare implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveShare.class);
    private final Server server;
    private final Path addressFile;

    private ArchiveShare(Server server, Path addressFile) {
        this.server = server;
        this.addressFile = addressFile;
    }

    /**
     * Shares {@code config}'s embedded H2 file, which this process must already hold open; for any other database
     * it does nothing. A failure to share is a warning: the daemon runs on, the CLI then finds the file in use.
     */
    public static ArchiveShare start(DatabaseConfig config) {
        boolean autoServer = config.url().toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER=TRUE");
        if (!config.isEmbeddedH2File() || autoServer) {
            return new ArchiveShare(null, null); // nothing to share, or H2 shares it already
        }
        Optional<String> other = sharedUrl(config);
        if (other.isPresent() && listening(other.get())) {
            // this process reached the file through another daemon's share (serve beside run): that daemon holds it,
            // and a second share here would point CLI commands at a server that cannot open the file
            LOG.info("database={} is held and shared by another Collide process; this one uses it through that",
                    Database.redact(config.url()));
            return new ArchiveShare(null, null);
        }
        String key = "collide-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Path addressFile = addressFile(config);
        try {
            Server server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-key", key,
                    config.h2FilePath().toAbsolutePath().normalize().toString()).start();
            var props = new Properties();
            props.setProperty("url", "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + key);
            Path partial = addressFile.resolveSibling(addressFile.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            try {
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(partial); // not POSIX: the directory's permissions guard it
            }
            try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                props.store(w, "the running Collide daemon serves this archive to local CLI commands");
            }
            Files.move(partial, addressFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new ArchiveShare(server, addressFile);
        } catch (SQLException | IOException e) {
            LOG.warn("database={} could not be shared with CLI commands ({}); they will find it in use while this"
                    + " process runs", Database.redact(config.url()), e.getMessage());
            return new ArchiveShare(null, null);
        }
    }

    /** Where a daemon holding {@code config}'s embedded file serves it, if one says so. */
    static Optional<String> sharedUrl(DatabaseConfig config) {
        if (!config.isEmbeddedH2File()) {
            return Optional.empty();
        }
        var props = new Properties();
        try (Reader r = Files.newBufferedReader(addressFile(config), StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.debug("database={} address file unreadable: {}", Database.redact(config.url()), e.getMessage());
            return Optional.empty();
        }
        return Optional.ofNullable(props.getProperty("url")).filter(u -> u.startsWith("jdbc:h2:tcp://127.0.0.1:"));
    }

    /** Whether something accepts connections at the shared URL's loopback port (a stale file names a dead one). */
    private static boolean listening(String sharedUrl) {
        String rest = sharedUrl.substring("jdbc:h2:tcp://127.0.0.1:".length());
        int slash = rest.indexOf('/');
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", Integer.parseInt(rest.substring(0, slash))),
                    1000);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static Path addressFile(DatabaseConfig config) {
        Path db = config.h2FilePath().toAbsolutePath().normalize();
        return db.resolveSibling(db.getFileName() + ".server");
    }

    /** The port CLI commands connect to, or -1 when nothing is shared. */
    public int port() {
        return server == null ? -1 : server.getPort();
    }

    /** Stops the server (closing its sessions) and removes the address file; the database itself stays open. */
    @Override
    public void close() {
        if (server == null) {
            return;
        }
        try {
            Files.deleteIfExists(addressFile);
        } catch (IOException e) {
            LOG.warn("could not remove {}: {}", addressFile, e.getMessage());
        }
        server.stop();
    }
}
