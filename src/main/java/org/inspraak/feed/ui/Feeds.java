package org.inspraak.feed.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.inspraak.InspraakProperties;
import org.inspraak.Messages;
import org.inspraak.calendar.ContentCalendarService;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.consultation.OutcomeService;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaSort;
import org.inspraak.ui.Formats;
import org.inspraak.ui.PageDescription;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Atom feeds (RFC 4287), written with ROME: per consultation its new ideas, the municipality's updates and the
 * outcome; for the whole site every consultation and outcome. Readers, news sites and the municipality's own
 * channels can follow a consultation without an account. Only public content: hidden ideas never appear.
 */
@RestController
class Feeds {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final int IDEAS = 30;

    private final ConsultationService consultations;
    private final OutcomeService outcomes;
    private final IdeaService ideas;
    private final ContentCalendarService calendar;
    private final InspraakProperties properties;
    private final Messages messages;

    Feeds(
            ConsultationService consultations,
            OutcomeService outcomes,
            IdeaService ideas,
            ContentCalendarService calendar,
            InspraakProperties properties,
            Messages messages) {
        this.consultations = consultations;
        this.outcomes = outcomes;
        this.ideas = ideas;
        this.calendar = calendar;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping("/feeds/gesprekken/{id:\\d{1,18}}.atom")
    ResponseEntity<String> consultation(@PathVariable long id) {
        return consultations
                .find(id)
                .map(c -> atom(consultationFeed(c)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/feeds/alles.atom")
    ResponseEntity<String> site() {
        String base = properties.baseUrl();
        List<Entry> entries = new ArrayList<>();
        for (ConsultationService.ConsultationSummary c : consultations.forHome(0, 50)) {
            Instant opened = c.ideasFrom().atStartOfDay(Formats.ZONE).toInstant();
            entries.add(
                    entry("consultation-" + c.id(), c.title(), c.question(), base + "/gesprekken/" + c.id(), opened));
            outcomes.published(c.id()).ifPresent(o -> entries.add(outcomeEntry(c.id(), c.title(), o)));
        }
        Feed feed = feed(
                "site",
                messages.get(
                        Messages.DUTCH,
                        "feed.site.title",
                        properties.municipality().name()),
                base + "/",
                base + "/feeds/alles.atom",
                entries);
        return atom(feed);
    }

    private Feed consultationFeed(ConsultationDetails c) {
        String base = properties.baseUrl();
        List<Entry> entries = new ArrayList<>();
        for (IdeaService.IdeaSummary i : ideas.list(c.id(), IdeaSort.NEWEST, 0, 0, IDEAS)) {
            Entry e = entry(
                    "idea-" + i.id(),
                    messages.get(Messages.DUTCH, "feed.idea", i.title()),
                    PageDescription.excerpt(i.description(), 500),
                    base + "/ideeen/" + i.id(),
                    i.createdAt());
            Person author = new Person();
            author.setName(i.authorName());
            e.setAuthors(List.of(author));
            entries.add(e);
        }
        for (ContentCalendarService.UpdateView u : calendar.published(c.id())) {
            entries.add(entry(
                    "update-" + u.id(),
                    messages.get(Messages.DUTCH, "feed.update", c.title()),
                    u.body(),
                    base + "/gesprekken/" + c.id(),
                    u.publishedAt() != null ? u.publishedAt() : u.publishAt()));
        }
        outcomes.published(c.id()).ifPresent(o -> entries.add(outcomeEntry(c.id(), c.title(), o)));
        return feed(
                "consultation-" + c.id(),
                c.title(),
                base + "/gesprekken/" + c.id(),
                base + "/feeds/gesprekken/" + c.id() + ".atom",
                entries);
    }

    private Entry outcomeEntry(long id, String title, OutcomeService.OutcomeView o) {
        return entry(
                "outcome-" + id,
                messages.get(Messages.DUTCH, "outcome.title", title),
                o.decisionText(),
                properties.baseUrl() + "/gesprekken/" + id + "/uitkomst",
                o.publishedAt());
    }

    private Entry entry(String key, String title, String text, String url, Instant at) {
        Entry e = new Entry();
        e.setId(tag(key));
        e.setTitle(title);
        Content summary = new Content();
        summary.setType(Content.TEXT);
        summary.setValue(text);
        e.setSummary(summary);
        e.setAlternateLinks(List.of(link(url, "alternate")));
        e.setUpdated(Date.from(at));
        e.setPublished(Date.from(at));
        return e;
    }

    private Feed feed(String key, String title, String page, String self, List<Entry> entries) {
        entries.sort(Comparator.comparing(Entry::getUpdated).reversed());
        Feed feed = new Feed("atom_1.0");
        feed.setId(tag(key));
        feed.setTitle(title + " · " + properties.municipality().name());
        feed.setLanguage(Locale.forLanguageTag("nl").toLanguageTag());
        feed.setAlternateLinks(List.of(link(page, "alternate")));
        feed.setOtherLinks(List.of(link(self, "self")));
        Person author = new Person();
        author.setName(properties.municipality().name());
        feed.setAuthors(List.of(author));
        feed.setUpdated(entries.isEmpty() ? new Date(0) : entries.getFirst().getUpdated());
        feed.setEntries(entries);
        return feed;
    }

    /** Stable entry ids that do not change when the site moves: tag URIs (RFC 4151) on the site's host. */
    private String tag(String key) {
        String host = properties.baseUrl().replaceFirst("^https?://", "").replaceFirst("[:/].*$", "");
        return "tag:" + host + ",2026:" + key;
    }

    private static Link link(String href, String rel) {
        Link l = new Link();
        l.setHref(href);
        l.setRel(rel);
        return l;
    }

    private static ResponseEntity<String> atom(Feed feed) {
        try {
            return ResponseEntity.ok()
                    .contentType(ATOM)
                    .cacheControl(CacheControl.noCache())
                    .body(new WireFeedOutput().outputString(feed));
        } catch (FeedException e) {
            throw new IllegalStateException(e);
        }
    }
}
