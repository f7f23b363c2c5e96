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
        @DefaultValue Notifications notifications,
        @DefaultValue MapSettings map,
        @DefaultValue Admission admission,
        @DefaultValue Sessions sessions) {

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

    /**
     * How many requests the node works on at once before it asks people to wait. Requests of open pages (a session)
     * and of new visitors draw on separate slots, so a rush of newcomers never starves the residents already voting;
     * a request that finds no slot within its wait gets the "busy" page (new visitors) or a 503 that Vaadin's client
     * retries by itself (open pages). Nothing is refused after it was accepted.
     */
    public record Admission(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("120") int sessionSlots,
            @DefaultValue("10s") Duration sessionWait,
            @DefaultValue("24") int visitorSlots,
            @DefaultValue("1s") Duration visitorWait) {}

    /**
     * Open pages. Vaadin keeps the last answer it sent to each page, so that a browser whose answer was lost on the
     * way (a phone between masts) can ask again and get the very same answer; after {@code answerKept} the copy is
     * let go, because on a long-open page it is by far the largest thing a resident's session holds. A browser that
     * asks again later than that reloads the page, which shows everything that was stored.
     */
    public record Sessions(@DefaultValue("30s") Duration answerKept) {}

    /**
     * The map for an idea's location. Tiles come from {@code tileUrl} (OpenStreetMap's by default; a municipality
     * may point it at its own tile server, and the tests use tiles this site draws itself); a location must lie
     * within the bounds, and the map opens on the centre.
     */
    public record MapSettings(
            @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
            String tileUrl,

            @DefaultValue("© OpenStreetMap-bijdragers") String attribution,
            @DefaultValue("51.4793") double centerLatitude,
            @DefaultValue("5.6570") double centerLongitude,
            @DefaultValue("13") int zoom,
            @DefaultValue("51.42") double south,
            @DefaultValue("5.56") double west,
            @DefaultValue("51.53") double north,
            @DefaultValue("5.76") double east) {

        public boolean contains(double latitude, double longitude) {
            return latitude >= south && latitude <= north && longitude >= west && longitude <= east;
        }
    }
}
