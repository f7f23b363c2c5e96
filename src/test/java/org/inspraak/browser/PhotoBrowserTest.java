package org.inspraak.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;

import com.microsoft.playwright.Page;
import org.inspraak.account.AccountService;
import org.inspraak.idea.AmountKind;
import org.inspraak.idea.IdeaPhotosTest;
import org.inspraak.idea.IdeaService;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A resident illustrates their idea in Chromium: a phone photo (stored and served without EXIF or position) and a place on the map. */
class PhotoBrowserTest extends BrowserTest {

    @Autowired
    AccountService accounts;

    @Autowired
    IdeaService ideas;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aResidentAddsAPhotoWhoseStoredCopyHasNoExif() throws Exception {
        String email = "foto-" + System.nanoTime() + "@example.org";
        long author = accounts.createVerified(
                email,
                "Tom met de camera",
                accounts.encodePassword("inspraak-demo"),
                EnumSet.of(Role.RESIDENT),
                null,
                null,
                false);
        long consultation = jdbc.queryForObject(
                "select id from consultation where title = 'Stadsgesprek: samen slim bezuinigen'", Long.class);
        long idea = ideas.postAs(
                author,
                consultation,
                new IdeaService.IdeaForm(
                        "Onkruid op het schoolplein aanpakken",
                        "Het schoolplein aan de Molenstraat groeit dicht; met buurtbewoners houden we het schoon.",
                        null,
                        null,
                        AmountKind.SAVING,
                        500L),
                Instant.now());
        Path photo = Files.createTempFile("telefoon", ".jpg");
        Files.write(photo, IdeaPhotosTest.phoneJpeg(2400, 1800));

        login(page, email, "inspraak-demo");
        page.navigate(url("/ideeen/" + idea));
        page.getByText("Foto toevoegen").click();
        page.locator("#photo-upload input[type=file]").setInputFiles(photo);
        assertThat(page.locator("#photo-upload vaadin-upload-file[complete]")).hasCount(1);
        fill(page, "photo-alt", "Onkruid tussen de tegels van het schoolplein");
        page.locator("#photo-add").click();
        assertThat(page.locator("img.idea-photo")).hasAttribute("alt", "Onkruid tussen de tegels van het schoolplein");

        byte[] stored = jdbc.queryForObject("select content from idea_photo where idea_id = ?", byte[].class, idea);
        String raw = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("Exif").doesNotContain("GPS").doesNotContain("PhoneCo");
        String src = page.locator("img.idea-photo").getAttribute("src");
        var served = page.request().get(url(src));
        assertThat(served.status()).isEqualTo(200);
        assertThat(new String(served.body(), StandardCharsets.ISO_8859_1)).doesNotContain("GPS");
        // A shared link to the idea now previews with its photo.
        assertThat(page.request().get(url("/ideeen/" + idea)).text())
                .contains("og:image\" content=\"http://localhost:8080" + src);
        Files.deleteIfExists(photo);
        page.setViewportSize(360, 800);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/photo-360.png"))
                .setFullPage(true));
    }

    @Test
    void theAuthorPointsOutThePlaceOnAMapThatEveryoneThenSees() {
        String email = "kaart-" + System.nanoTime() + "@example.org";
        long author = accounts.createVerified(
                email,
                "Mila met de kaart",
                accounts.encodePassword("inspraak-demo"),
                EnumSet.of(Role.RESIDENT),
                null,
                null,
                false);
        long consultation = jdbc.queryForObject(
                "select id from consultation where title = 'Stadsgesprek: samen slim bezuinigen'", Long.class);
        long idea = ideas.postAs(
                author,
                consultation,
                new IdeaService.IdeaForm(
                        "Zebrapad bij de Hoofdstraat",
                        "Bij de bakker steken veel kinderen over; een zebrapad maakt het veiliger.",
                        null,
                        null,
                        AmountKind.COST,
                        8000L),
                Instant.now());
        login(page, email, "inspraak-demo");
        page.navigate(url("/ideeen/" + idea));
        page.locator("#place-details").click();
        com.microsoft.playwright.Locator map = page.locator("#place-details .place-map");
        assertThat(map).hasAttribute("data-ready", "true");
        map.click();
        assertThat(page.locator("#place-chosen")).containsText("U heeft een plek aangewezen");
        page.locator("#place-save").click();
        assertThat(page.locator("#idea-place h2")).hasText("Waar gaat het om?");
        Double latitude = jdbc.queryForObject("select latitude from idea where id = ?", Double.class, idea);
        Double longitude = jdbc.queryForObject("select longitude from idea where id = ?", Double.class, idea);
        assertThat(latitude).isBetween(51.42, 51.53);
        assertThat(longitude).isBetween(5.56, 5.76);

        context.clearCookies();
        page.navigate(url("/ideeen/" + idea));
        com.microsoft.playwright.Locator shown = page.locator("#idea-place .place-map");
        assertThat(shown).hasAttribute("data-marked", "true");
        assertThat(shown.locator(".leaflet-marker-icon")).isVisible();
        assertThat(shown.locator("img.leaflet-tile").first())
                .hasAttribute("src", java.util.regex.Pattern.compile("/kaart/tegels/"));
        assertThat(page.locator("#place-details")).hasCount(0);
    }
}
