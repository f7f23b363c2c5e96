package org.inspraak.feed;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import org.inspraak.account.AccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a shared link, a feed reader, a municipality's website and a mail client get over real HTTP: each page's
 * own preview tags in the first response, 404 for what does not exist, feeds, the framable widget, and one-click
 * unsubscribe without a session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "inspraak.demo-data=true")
@ActiveProfiles("test")
class SharingHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long id(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void aSharedIdeaLinkCarriesItsOwnPreviewInTheFirstResponse() throws Exception {
        long idea = id("select id from idea where title = 'Sporthal Brandevoort delen met de school'");
        HttpResponse<String> page = get("/ideeen/" + idea);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<title>Sporthal Brandevoort delen met de school · Gemeente Helmond</title>")
                .contains("<meta property=\"og:title\" content=\"Sporthal Brandevoort delen met de school\">")
                .contains("<meta property=\"og:description\" content=\"De sporthal staat overdag bijna leeg")
                .contains("<link rel=\"canonical\" href=\"http://localhost:8080/ideeen/" + idea + "\">")
                .contains("<meta name=\"twitter:card\" content=\"summary_large_image\">")
                .contains("application/atom+xml");

        long closed = id("select id from consultation where title = 'Speelplekken in de wijk'");
        assertThat(get("/gesprekken/" + closed + "/uitkomst").body())
                .contains("<meta property=\"og:title\" content=\"Uitkomst: Speelplekken in de wijk\">")
                .contains("og:description\" content=\"Bedankt voor de 5 ideeën");
        HttpResponse<byte[]> png = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/images/delen.png"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void unknownAddressesAnswer404() throws Exception {
        assertThat(get("/bestaat-niet").statusCode()).isEqualTo(404);
        assertThat(get("/ideeen/987654321").statusCode()).isEqualTo(404);
        assertThat(get("/gesprekken/987654321/uitkomst").statusCode()).isEqualTo(404);
        HttpResponse<String> missing = get("/bestaat-niet/ook-niet");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("noindex").doesNotContain("rel=\"canonical\"");
        assertThat(get("/").statusCode()).isEqualTo(200);
        assertThat(get("/zoeken").statusCode()).isEqualTo(200);
    }

    @Test
    void feedsListNewIdeasAndTheOutcomeButNoHiddenIdea() throws Exception {
        long closed = id("select id from consultation where title = 'Speelplekken in de wijk'");
        long open = id("select id from consultation where title = 'Stadsgesprek: samen slim bezuinigen'");
        long hidden = id("select min(id) from idea where consultation_id = ?", open);
        jdbc.update("update idea set hidden = true, hidden_reason = 'test' where id = ?", hidden);
        try {
            HttpResponse<String> response = get("/feeds/gesprekken/" + open + ".atom");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .get()
                    .asString()
                    .startsWith("application/atom+xml");
            Feed feed = (Feed) new WireFeedInput().build(new StringReader(response.body()));
            List<String> links = feed.getEntries().stream()
                    .map(e -> e.getAlternateLinks().getFirst().getHref())
                    .toList();
            assertThat(links).isNotEmpty().noneMatch(l -> l.endsWith("/ideeen/" + hidden));
            Feed closedFeed = (Feed) new WireFeedInput()
                    .build(new StringReader(
                            get("/feeds/gesprekken/" + closed + ".atom").body()));
            assertThat(closedFeed.getEntries())
                    .extracting(Entry::getTitle)
                    .contains("Uitkomst: Speelplekken in de wijk", "Nieuw idee: Speeltuin Brouwhuis opknappen");
            Feed site = (Feed) new WireFeedInput()
                    .build(new StringReader(get("/feeds/alles.atom").body()));
            assertThat(site.getEntries()).extracting(Entry::getTitle).contains("Uitkomst: Speelplekken in de wijk");
            assertThat(get("/feeds/gesprekken/987654321.atom").statusCode()).isEqualTo(404);
        } finally {
            jdbc.update("update idea set hidden = false, hidden_reason = null where id = ?", hidden);
        }
    }

    @Test
    void theWidgetMayBeFramedAndCreatesNoSession() throws Exception {
        long open = id("select id from consultation where title = 'Stadsgesprek: samen slim bezuinigen'");
        HttpResponse<String> widget = get("/inbedden/gesprekken/" + open);
        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(widget.headers().firstValue("Content-Security-Policy"))
                .get()
                .asString()
                .contains("frame-ancestors *")
                .contains("default-src 'none'");
        assertThat(widget.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(widget.body())
                .contains("Stadsgesprek: samen slim bezuinigen")
                .contains("Doe mee")
                .contains("target=\"_blank\"")
                .doesNotContain("<script");
        // Everything else stays unframable.
        assertThat(get("/gesprekken/" + open).headers().firstValue("X-Frame-Options"))
                .contains("DENY");
    }

    @Test
    void mailClientsUnsubscribeInOneClickWithoutASession() throws Exception {
        long resident = id("select id from user_account where email = 'bewoner@example.org'");
        String oneClick = accounts.unsubscribeLinks(resident).oneClick();
        String path = oneClick.substring(oneClick.indexOf("/mail/afmelden/"));
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(jdbc.queryForObject(
                        "select email_preference from user_account where id = ?", String.class, resident))
                .isEqualTo("OFF");
        HttpResponse<String> bogus = client.send(
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/mail/afmelden/bestaat-niet-echt-12345"))
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bogus.statusCode()).isEqualTo(404);
        jdbc.update("update user_account set email_preference = 'INSTANT' where id = ?", resident);
    }
}
