package org.inspraak.idea;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

import org.inspraak.IntegrationTest;
import org.inspraak.TestData;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Photos reach the site as pixels only: resized, re-encoded, camera metadata and GPS position gone. */
public class IdeaPhotosTest extends IntegrationTest {

    @Autowired
    IdeaPhotos photos;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdeaService ideas;

    /** A JPEG as a phone writes it: with an EXIF block (APP1) that carries a GPS position. */
    public static byte[] phoneJpeg(int width, int height) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x2E7D32));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", plain);
        byte[] jpeg = plain.toByteArray();
        byte[] payload = "Exif\0\0MM\0*GPSLatitude 51.4792 N GPSLongitude 5.6570 E Make PhoneCo serial 12345"
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1); // APP1
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    private static boolean hasApp1(byte[] jpeg) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xE1) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theStoredCopyIsResizedAndHasNoExifOrPosition() throws Exception {
        long c = data.openConsultation();
        TestData.User author = loginNew();
        long idea = data.idea(c, author);
        byte[] upload = phoneJpeg(3000, 2000);
        assertThat(contains(upload, "GPSLatitude")).isTrue();
        long id = photos.add(idea, upload, "Een grasveld vol onkruid naast de school");
        byte[] stored = jdbc.queryForObject("select content from idea_photo where id = ?", byte[].class, id);
        assertThat(stored[0] & 0xFF).isEqualTo(0xFF);
        assertThat(stored[1] & 0xFF).isEqualTo(0xD8);
        assertThat(contains(stored, "Exif")).isFalse();
        assertThat(contains(stored, "GPS")).isFalse();
        assertThat(contains(stored, "PhoneCo")).isFalse();
        assertThat(hasApp1(stored)).isFalse();
        BufferedImage read = ImageIO.read(new java.io.ByteArrayInputStream(stored));
        assertThat(read.getWidth()).isEqualTo(1600);
        assertThat(read.getHeight()).isEqualTo(1067);
        assertThat(photos.of(idea)).singleElement().satisfies(p -> {
            assertThat(p.altText()).isEqualTo("Een grasveld vol onkruid naast de school");
            assertThat(p.url()).isEqualTo("/afbeeldingen/ideeen/" + id + ".jpg");
        });
    }

    @Test
    void onlyTheAuthorAddsWithATextAlternativeAndWithinTheLimits() throws Exception {
        long c = data.openConsultation();
        TestData.User author = loginNew();
        long idea = data.idea(c, author);
        byte[] jpeg = phoneJpeg(400, 300);
        assertThatThrownBy(() -> photos.add(idea, jpeg, "  ")).hasMessageContaining("error.photo.alt");
        assertThatThrownBy(() -> photos.add(idea, "not an image at all".getBytes(StandardCharsets.UTF_8), "Een foto"))
                .hasMessageContaining("error.photo.");
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "gif", gif);
        assertThatThrownBy(() -> photos.add(idea, gif.toByteArray(), "Een foto als gif"))
                .hasMessageContaining("error.photo.type");
        for (int i = 0; i < IdeaPhotos.MAX_PHOTOS; i++) {
            photos.add(idea, jpeg, "Foto nummer " + i);
        }
        assertThatThrownBy(() -> photos.add(idea, jpeg, "Nog een foto")).hasMessageContaining("error.photo.too-many");
        loginNew();
        assertThatThrownBy(() -> photos.add(idea, jpeg, "Foto van een ander")).hasMessageContaining("error.forbidden");
        long first = photos.of(idea).getFirst().id();
        assertThatThrownBy(() -> photos.remove(first)).hasMessageContaining("error.forbidden");
        loginNew(Role.MODERATOR);
        photos.remove(first);
        assertThat(photos.of(idea)).hasSize(IdeaPhotos.MAX_PHOTOS - 1);
    }

    @Test
    void aHiddenIdeasPhotosAreNotServedToThepublic() throws Exception {
        long c = data.openConsultation();
        TestData.User author = loginNew();
        long idea = data.idea(c, author);
        long id = photos.add(idea, phoneJpeg(200, 200), "Een bankje in het park");
        data.logout();
        assertThat(photos.content(id)).isPresent();
        // Hidden the way moderators hide it (through the service, so the search index follows too).
        loginNew(Role.MODERATOR);
        ideas.hide(idea, "Een foto met een herkenbaar kind.");
        data.logout();
        assertThat(photos.content(id)).isEmpty();
        loginNew();
        assertThat(photos.content(id)).isEmpty();
        login(author);
        assertThat(photos.content(id)).isPresent();
        assertThat(photos.exportFor(author.id()))
                .extracting(IdeaPhotos.Photo::altText)
                .containsExactly("Een bankje in het park");
        assertThat(photos.eraseOf(author.id())).isEqualTo(1);
        assertThat(photos.of(idea)).isEmpty();
    }
}
