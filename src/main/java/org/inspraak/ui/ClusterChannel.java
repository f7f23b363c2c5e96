package org.inspraak.ui;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import org.inspraak.PageEvent;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries page events between application nodes with PostgreSQL's {@code NOTIFY} and {@code LISTEN}: no extra
 * server, and the database delivers a notification to every listening node, in order, once the sending statement
 * commits. Each node sends on its own connection outside any request transaction (the event's own transaction has
 * committed already), and listens on one connection that it keeps open and reopens after a failure.
 *
 * <p>Only ids travel (see {@link PageEvent}); a page that hears of an event reads what changed from the database.
 * A notification sent while a node is reconnecting is missed by that node's open pages, which then show the change
 * at their next refresh: the same as a page that was offline for a moment.
 */
@Component
@ConditionalOnProperty(name = "inspraak.cluster.enabled", havingValue = "true")
public class ClusterChannel {

    static final String CHANNEL = "inspraak_page_events";
    private static final Logger log = LoggerFactory.getLogger(ClusterChannel.class);

    private final DataSource dataSource;
    private final JsonMapper json;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "page-events-send");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running = true;
    private volatile Consumer<Object> receiver = e -> {};
    private volatile boolean listening;
    private final Thread listener;

    ClusterChannel(DataSource dataSource, JsonMapper json) {
        this.dataSource = dataSource;
        this.json = json;
        this.listener = Thread.ofPlatform().name("page-events-listen").daemon().start(this::listen);
    }

    void onReceive(Consumer<Object> receiver) {
        this.receiver = receiver;
    }

    /** Whether this node is listening now (for the readiness check). */
    public boolean isListening() {
        return listening;
    }

    void send(PageEvent event) {
        String payload = json.writeValueAsString(new Envelope(event.getClass().getName(), json.valueToTree(event)));
        sender.execute(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement st = c.prepareStatement("select pg_notify(?, ?)")) {
                c.setAutoCommit(true);
                st.setString(1, CHANNEL);
                st.setString(2, payload);
                st.execute();
            } catch (SQLException e) {
                log.warn(
                        "A page event could not be sent to the other nodes; their pages show it at the next refresh",
                        e);
            }
        });
    }

    record Envelope(String type, JsonNode event) {}

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("listen " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                backoff = 500;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(5_000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            receive(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    log.warn("Listening for page events from the other nodes failed; retrying in {} ms", backoff, e);
                    try {
                        Thread.sleep(backoff);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                    backoff = Math.min(30_000, backoff * 2);
                }
            }
        }
        listening = false;
    }

    private void receive(String payload) {
        try {
            Envelope envelope = json.readValue(payload, Envelope.class);
            Class<?> type = Class.forName(envelope.type(), false, PageEvent.class.getClassLoader());
            // Only page events are ever built from a notification, whatever a payload claims to be.
            if (!PageEvent.class.isAssignableFrom(type)) {
                return;
            }
            receiver.accept(json.treeToValue(envelope.event(), type));
        } catch (ClassNotFoundException | RuntimeException e) {
            log.warn("Ignored a page event that could not be read: {}", payload, e);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        sender.shutdown();
        sender.awaitTermination(5, TimeUnit.SECONDS);
        listener.join(6_000);
    }
}
