package org.inspraak.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.MessageFormat;
import org.inspraak.Messages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text in both languages: present, valid, Dutch in the Dutch bundle, and counted with the right plural. */
class MessagesTest {

    /** Words that are the same in Dutch and English; any other Dutch text equal to its English one is untranslated. */
    private static final Set<String> SAME_IN_BOTH = Set.of(
            "app.name", // the product's name
            "nav.menu", // "Menu" is Dutch too
            "nav.privacy",
            "role.MODERATOR",
            "outbox.status",
            "search.facet.status",
            "filter.status",
            "calendar.scale.week",
            "calendar.period", // only two placeholders and a dash
            "share.mail"); // "E-mail" is the Dutch spelling too

    /** English words that slipped into Dutch screens before. */
    private static final Pattern ENGLISH_IN_DUTCH = Pattern.compile(
            "\\b(items?|upload|file|files|loading|click|the|and|please|submit)\\b", Pattern.CASE_INSENSITIVE);

    /** A count in front of a plural noun without a plural form says "1 stemmen". */
    private static final Pattern BARE_COUNT = Pattern.compile(
            "\\{\\d+}\\s+(ideeën|reacties|stemmen|deelnemers|groepen|dagen|inwoners|vragen|meldingen|minuten|"
                    + "begrotingen|stemmers|sancties|gesprekken|ideas|reactions|votes|participants|groups|days|"
                    + "residents|questions|notifications|minutes|hours|ballots|voters)\\b");

    private static final Messages MESSAGES = new Messages();

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyHasADutchAndAnEnglishTextThatDiffer() throws IOException {
        Properties nl = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(new TreeSet<>(nl.stringPropertyNames()))
                .as("keys in Dutch and English")
                .isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        List<String> untranslated = new ArrayList<>();
        for (String key : nl.stringPropertyNames()) {
            if (nl.getProperty(key).isBlank()) {
                untranslated.add(key + " (empty)");
            } else if (nl.getProperty(key).equals(en.getProperty(key)) && !SAME_IN_BOTH.contains(key)) {
                untranslated.add(key);
            }
        }
        assertThat(untranslated).as("Dutch texts identical to the English ones").isEmpty();
    }

    @Test
    void dutchTextsHaveNoEnglishWordsAndNoBareCounts() throws IOException {
        Properties nl = load("messages.properties");
        Properties en = load("messages_en.properties");
        List<String> found = new ArrayList<>();
        for (String key : new TreeSet<>(nl.stringPropertyNames())) {
            String text = nl.getProperty(key);
            // Placeholders and links are not words a reader sees.
            String visible = text.replaceAll("https?://\\S+", "").replaceAll("\\{[^{}]*}", "");
            Matcher m = ENGLISH_IN_DUTCH.matcher(visible);
            if (m.find()) {
                found.add(key + ": English word \"" + m.group() + "\"");
            }
            for (Map.Entry<String, String> e :
                    Map.of("nl", text, "en", en.getProperty(key)).entrySet()) {
                Matcher bare = BARE_COUNT.matcher(e.getValue());
                if (bare.find()) {
                    found.add(key + " (" + e.getKey() + "): count without plural \"" + bare.group() + "\"");
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void everyTextIsAValidIcuPattern() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                try {
                    new MessageFormat(p.getProperty(key), Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    throw new AssertionError(bundle + " " + key + ": " + e.getMessage(), e);
                }
            }
        }
    }

    @Test
    void countsTakeTheirPluralAndDutchNumberFormat() {
        Locale nl = Messages.DUTCH;
        assertThat(MESSAGES.get(nl, "reaction.title", 0)).isEqualTo("Nog geen reacties");
        assertThat(MESSAGES.get(nl, "reaction.title", 1)).isEqualTo("1 reactie");
        assertThat(MESSAGES.get(nl, "reaction.title", 2)).isEqualTo("2 reacties");
        assertThat(MESSAGES.get(nl, "outcome.decision.votes", 1L, 1L, 0L, 0L)).startsWith("1 stem:");
        assertThat(MESSAGES.get(nl, "consultation.ideas", 1519L)).isEqualTo("1.519 ideeën");
        assertThat(MESSAGES.get(nl, "summary.draft.participation.text", 1, 1519, 2, 1))
                .isEqualTo("Aan het gesprek deed 1 inwoner mee. Er zijn 1.519 ideeën ingediend, 2 stemmen uitgebracht"
                        + " en 1 reactie geplaatst.");
        assertThat(MESSAGES.get(nl, "summary.draft.questions.open", 1, 1, 1))
                .isEqualTo("Inwoners stelden één vraag aan de gemeente. Daarvan staat er nog één open; één is over"
                        + " de beloofde termijn.");
        assertThat(MESSAGES.get(nl, "webcare.counts", 0L, 0L)).isEqualTo("Geen open vragen.");
        assertThat(MESSAGES.get(nl, "webcare.counts", 3L, 1L)).isEqualTo("3 open vragen, waarvan 1 te laat.");
        assertThat(MESSAGES.get(Messages.ENGLISH, "reaction.title", 1)).isEqualTo("1 reaction");
        assertThat(MESSAGES.get(Messages.ENGLISH, "consultation.ideas", 1519L)).isEqualTo("1,519 ideas");
    }

    @Test
    void amountsNeverWrapApartFromTheirCurrency() {
        // Round amounts read as municipal documents write them; others exactly, with thousands separators.
        assertThat(Formats.euros(12_000_000, Messages.DUTCH)).isEqualTo("€\u00a012\u00a0miljoen");
        assertThat(Formats.euros(2_500_000, Messages.DUTCH)).isEqualTo("€\u00a02,5\u00a0miljoen");
        assertThat(Formats.euros(1_250_000_000, Messages.DUTCH)).isEqualTo("€\u00a01,25\u00a0miljard");
        assertThat(Formats.euros(12_345_678, Messages.DUTCH)).isEqualTo("€\u00a012.345.678");
        assertThat(Formats.euros(1_519, Messages.DUTCH)).isEqualTo("€\u00a01.519");
        assertThat(Formats.euros(3_000_000, Messages.ENGLISH)).isEqualTo("€3\u00a0million");
        assertThat(Formats.euros(-2_500_000, Messages.DUTCH)).isEqualTo("-€\u00a02,5\u00a0miljoen");
    }
}
