package org.inspraak.ui;

import java.io.IOException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.flow.server.ErrorEvent;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser that left is not an incident; anything else is logged as one. */
class FriendlyErrorHandlerTest {

    @Test
    void aClientThatLeftIsNoIncident() {
        Logger logger = (Logger) LoggerFactory.getLogger(FriendlyErrorHandler.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        logger.addAppender(seen);
        try {
            FriendlyErrorHandler handler = new FriendlyErrorHandler();
            handler.error(new ErrorEvent(new ClientAbortException(new IOException("Broken pipe"))));
            assertThat(seen.list).noneMatch(e -> e.getLevel() == Level.ERROR);
            handler.error(new ErrorEvent(new IllegalStateException("a real fault")));
            assertThat(seen.list)
                    .anyMatch(e -> e.getLevel() == Level.ERROR
                            && e.getFormattedMessage().startsWith("Incident "));
        } finally {
            logger.detachAppender(seen);
        }
    }
}
