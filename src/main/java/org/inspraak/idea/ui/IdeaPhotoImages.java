package org.inspraak.idea.ui;

import java.time.Duration;

import org.inspraak.idea.IdeaPhotos;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves idea photos; a photo of a hidden idea answers 404 to everyone who may not see the idea. */
@RestController
class IdeaPhotoImages {

    private final IdeaPhotos photos;

    IdeaPhotoImages(IdeaPhotos photos) {
        this.photos = photos;
    }

    @GetMapping(value = "/afbeeldingen/ideeen/{id:\\d{1,18}}.jpg", produces = MediaType.IMAGE_JPEG_VALUE)
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        return photos.content(id)
                .map(bytes -> ResponseEntity.ok()
                        // Private: once an idea is hidden, shared caches must not keep serving its photos.
                        .cacheControl(
                                CacheControl.maxAge(Duration.ofMinutes(10)).cachePrivate())
                        .body(bytes))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
