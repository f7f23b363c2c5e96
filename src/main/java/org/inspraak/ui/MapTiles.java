package org.inspraak.ui;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import javax.imageio.ImageIO;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plain map tiles drawn by the site itself (a light grid), for setups without a tile service: the tests, and an
 * offline demo with {@code inspraak.map.tile-url=/kaart/tegels/{z}/{x}/{y}.png}. Places can still be picked on it.
 */
@RestController
class MapTiles {

    private final byte[] tile = draw();

    @GetMapping(
            value = "/kaart/tegels/{z:\\d{1,2}}/{x:\\d{1,7}}/{y:\\d{1,7}}.png",
            produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> tile(@PathVariable int z, @PathVariable int x, @PathVariable int y) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofDays(7)))
                .body(tile);
    }

    private static byte[] draw() {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new Color(0xEEF1F4));
            g.fillRect(0, 0, 256, 256);
            g.setColor(new Color(0xD5DBE1));
            for (int i = 0; i < 256; i += 64) {
                g.drawLine(i, 0, i, 255);
                g.drawLine(0, i, 255, i);
            }
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
