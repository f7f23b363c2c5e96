package org.inspraak;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Application settings under {@code inspraak.*}. Everything a municipality changes without
 * rebuilding lives here: the data directory, the public base URL used in mails, and branding.
 */
@ConfigurationProperties("inspraak")
public record InspraakProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("false") boolean demoData,
        @DefaultValue Municipality municipality,
        @DefaultValue Accounts accounts,
        @DefaultValue Notifications notifications) {

    public record Municipality(
            @DefaultValue("Gemeente Helmond") String name,
            @DefaultValue("/images/logo.svg") String logo,
            @DefaultValue("#1f5c99") String primaryColor,
            @DefaultValue("noreply@inspraak.example.org") String mailFrom) {}

    public record Accounts(
            @DefaultValue("24h") Duration verificationValidity,
            @DefaultValue("1h") Duration resetValidity) {}

    /**
     * Notification mail: after one mail to a person, what follows within {@code bundleWindow} waits and goes out
     * as one bundled mail, so a busy discussion does not fill their inbox.
     */
    public record Notifications(@DefaultValue("10m") Duration bundleWindow) {}
}
