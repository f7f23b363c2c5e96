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
     * How many requests the node works on at once, and who waits. All requests share {@code slots} (0: four per
     * processor, because a request mostly computes and more at once only makes each slower). A request of an open
     * page (a session: a vote, a reaction, a click) waits up to {@code sessionWait} for a slot and then gets a 503
     * that Vaadin's client retries by itself. A new visitor (no session yet) gets in only while no open page is
     * waiting, at most {@code visitorSlots} at once (0: half the slots), and waits at most {@code visitorWait};
     * otherwise the "busy" page. Once an open page waited longer than {@code busyAfter}, newcomers are sent away
     * for {@code busyFor}. So past capacity the residents already taking part keep being served and newcomers are
     * told to come back, instead of everyone timing out. Nothing is refused after it was accepted.
     */
    public record Admission(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("0") int slots,
            @DefaultValue("10s") Duration sessionWait,
            @DefaultValue("0") int visitorSlots,
            @DefaultValue("1s") Duration visitorWait,
            @DefaultValue("250ms") Duration busyAfter,
            @DefaultValue("10s") Duration busyFor) {

        /** The slots in use: the configured number, or four per processor. */
        public int effectiveSlots() {
            return slots > 0 ? slots : 4 * Runtime.getRuntime().availableProcessors();
        }

        /** At most this many slots go to new visitors at once. */
        public int effectiveVisitorSlots() {
            return Math.min(effectiveSlots(), visitorSlots > 0 ? visitorSlots : Math.max(1, effectiveSlots() / 2));
        }
    }

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
