package org.inspraak.ui;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What a public page is about, for the first HTML response: its title and summary in the page head, so a link
 * shared on WhatsApp, Facebook or X shows a proper preview and search engines list it well. Modules that own
 * public pages contribute a {@link Source}; a source that knows the address but not the thing (an idea that does
 * not exist) says so, and the response becomes a 404.
 */
public record PageDescription(
        String title,
        String description,
        boolean found,
        @Nullable String imagePath) {

    public static PageDescription of(String title, String description) {
        return new PageDescription(title, description, true, null);
    }

    /** With the page's own picture (an idea's first photo) instead of the municipality's card. */
    public PageDescription withImage(@Nullable String path) {
        return new PageDescription(title, description, found, path);
    }

    public static PageDescription missing() {
        return new PageDescription("", "", false, null);
    }

    /** Describes the pages of one module; empty for addresses it does not own. */
    public interface Source {
        Optional<PageDescription> describe(String path);
    }

    /** Plain text of at most {@code max} characters, ending at a whole word, for a description tag. */
    public static String excerpt(String text, int max) {
        String plain =
                text.replaceAll("[*_#>`\\[\\]()]", "").replaceAll("\\s+", " ").strip();
        if (plain.length() <= max) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', max - 1);
        return plain.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }
}
