package org.inspraak.idea;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.inspraak.InspraakException;
import org.inspraak.TextInput;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos on ideas. What a resident uploads is decoded and drawn again as a new JPEG of at most {@link #MAX_SIDE}
 * pixels: the stored file holds pixels only, so camera metadata (EXIF, GPS position, serial numbers, thumbnails)
 * never reaches the site. Only the author adds photos, with a text alternative; the author or staff remove them. A
 * photo is shown only where its idea is shown.
 */
@Service
public class IdeaPhotos {

    public static final int MAX_UPLOAD = 8 * 1024 * 1024;
    public static final int MAX_PHOTOS = 3;
    public static final int MAX_SIDE = 1600;
    public static final int MIN_ALT = 5;
    public static final int MAX_ALT = 200;
    /** Decoding a huge image takes a lot of memory: refuse more pixels than a 40-megapixel camera makes. */
    private static final long MAX_PIXELS = 40_000_000L;

    private final IdeaPhotoRepository photos;
    private final IdeaRepository ideas;
    private final CurrentUser currentUser;
    private final Clock clock;

    IdeaPhotos(IdeaPhotoRepository photos, IdeaRepository ideas, CurrentUser currentUser, Clock clock) {
        this.photos = photos;
        this.ideas = ideas;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A photo as pages show it: its address and its text alternative. */
    public record Photo(long id, long ideaId, String altText, int width, int height) {
        public String url() {
            return "/afbeeldingen/ideeen/" + id + ".jpg";
        }
    }

    @Transactional
    public long add(long ideaId, byte[] upload, String rawAlt) {
        InspraakUser user = currentUser.require();
        Idea idea = ideas.findById(ideaId).orElseThrow(() -> new InspraakException("error.not-found"));
        if (idea.getAuthorId() != user.id()) {
            throw new InspraakException("error.forbidden");
        }
        String alt = rawAlt == null ? "" : rawAlt.strip();
        if (alt.length() < MIN_ALT || alt.length() > MAX_ALT || TextInput.showsNothing(alt)) {
            throw new InspraakException("error.photo.alt", MIN_ALT, MAX_ALT);
        }
        if (TextInput.isUnsafe(alt)) {
            throw new InspraakException("error.text.control-characters");
        }
        if (photos.countByIdeaId(ideaId) >= MAX_PHOTOS) {
            throw new InspraakException("error.photo.too-many", MAX_PHOTOS);
        }
        if (upload == null || upload.length == 0 || upload.length > MAX_UPLOAD) {
            throw new InspraakException("error.photo.size", MAX_UPLOAD / (1024 * 1024));
        }
        Reencoded clean = reencode(upload);
        return photos.save(new IdeaPhoto(ideaId, alt, clean.jpeg(), clean.width(), clean.height(), Instant.now(clock)))
                .getId();
    }

    @Transactional
    public void remove(long photoId) {
        InspraakUser user = currentUser.require();
        IdeaPhoto photo = photos.findById(photoId).orElseThrow(() -> new InspraakException("error.not-found"));
        Idea idea = ideas.findById(photo.getIdeaId()).orElseThrow(() -> new InspraakException("error.not-found"));
        if (idea.getAuthorId() != user.id() && !user.isStaff()) {
            throw new InspraakException("error.forbidden");
        }
        photos.delete(photo);
    }

    @Transactional(readOnly = true)
    public List<Photo> of(long ideaId) {
        return photos.photosOf(ideaId);
    }

    /**
     * The stored JPEG for a visitor: only while its idea is visible, or for the author and staff (who see a hidden
     * idea's page); otherwise empty, as if it did not exist.
     */
    @Transactional(readOnly = true)
    public Optional<byte[]> content(long photoId) {
        return photos.findById(photoId)
                .filter(p -> ideas.findById(p.getIdeaId())
                        .map(i -> !i.isHidden()
                                || currentUser
                                        .get()
                                        .map(u -> u.isStaff() || u.id() == i.getAuthorId())
                                        .orElse(false))
                        .orElse(false))
                .map(IdeaPhoto::getContent);
    }

    /** A person's photos for their data export: which idea, the text alternative and where to download it. */
    @Transactional(readOnly = true)
    public List<Photo> exportFor(long authorId) {
        return photos.photosBy(authorId);
    }

    /** On account deletion the ideas stay readable, but their photos (a house, a face) go with the person. */
    @Transactional
    public int eraseOf(long authorId) {
        return photos.deleteBy(authorId);
    }

    record Reencoded(byte[] jpeg, int width, int height) {}

    /** Decodes, scales down to {@link #MAX_SIDE}, and writes a fresh baseline JPEG without any metadata. */
    static Reencoded reencode(byte[] upload) {
        BufferedImage source;
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            var readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                throw new InspraakException("error.photo.type");
            }
            var reader = readers.next();
            try {
                reader.setInput(in, true, true);
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                if (!format.equals("jpeg") && !format.equals("png")) {
                    throw new InspraakException("error.photo.type");
                }
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw new InspraakException("error.photo.pixels");
                }
                source = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InspraakException ie) {
                throw ie;
            }
            throw new InspraakException("error.photo.unreadable");
        }
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE); // transparent PNG areas become white, not black
            g.fillRect(0, 0, w, h);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            // No metadata argument: the writer emits only the JFIF header it needs.
            writer.write(null, new IIOImage(out, null, null), param);
        } catch (IOException e) {
            throw new InspraakException("error.photo.unreadable");
        } finally {
            writer.dispose();
        }
        return new Reencoded(bytes.toByteArray(), w, h);
    }
}
