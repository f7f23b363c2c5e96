package org.inspraak.ui;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import javax.imageio.ImageIO;

import org.inspraak.InspraakProperties;
import org.inspraak.Messages;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The picture a shared link shows: the municipality's name on its own colour, 1200 × 630 pixels as the networks
 * ask. Link previews do not take SVG, so it is drawn once as PNG from the branding settings.
 */
@RestController
class ShareImage {

    static final String PATH = "/images/delen.png";
    static final int WIDTH = 1200;
    static final int HEIGHT = 630;

    private final InspraakProperties properties;
    private final Messages messages;
    private volatile byte @Nullable [] png;

    ShareImage(InspraakProperties properties, Messages messages) {
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping(value = PATH, produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> image() {
        byte[] bytes = png;
        if (bytes == null) {
            // Drawn on first request: the branding is fixed while the site runs.
            bytes = draw(
                    properties.municipality().name(),
                    messages.get(Messages.DUTCH, "share.image.tagline"),
                    Color.decode(properties.municipality().primaryColor()));
            png = bytes;
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(bytes);
    }

    static byte[] draw(String municipality, String tagline, Color brand) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(brand);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.WHITE);
            g.fillRoundRect(80, 80, 120, 120, 28, 28);
            g.setColor(brand);
            for (int i = 0; i < 3; i++) {
                g.fillOval(105 + i * 28, 128, 18, 18);
            }
            g.setColor(Color.WHITE);
            int size = 84;
            Font font = new Font(Font.SANS_SERIF, Font.BOLD, size);
            FontMetrics fm = g.getFontMetrics(font);
            while (fm.stringWidth(municipality) > WIDTH - 160 && size > 36) {
                size -= 4;
                font = new Font(Font.SANS_SERIF, Font.BOLD, size);
                fm = g.getFontMetrics(font);
            }
            g.setFont(font);
            g.drawString(municipality, 80, 360);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 48));
            g.drawString(tagline, 80, 450);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
