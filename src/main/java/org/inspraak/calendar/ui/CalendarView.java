package org.inspraak.calendar.ui;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.inspraak.calendar.ContentCalendarService;
import org.inspraak.calendar.ContentCalendarService.UpdateView;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.idea.IdeaService;
import org.inspraak.security.Role;
import org.inspraak.ui.FormMessage;
import org.inspraak.ui.Markdown;
import org.inspraak.ui.Uploads;

/**
 * The content calendar of a consultation for staff: plan updates (text, optional image with alt text, linked
 * ideas) at a time; see a week or a month with warnings for empty days in open phases and crowded moments.
 */
@Route("gesprekken/:id(\\d{1,18})/agenda")
@RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
class CalendarView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final transient ContentCalendarService calendar;
    private final transient ConsultationService consultations;
    private final transient IdeaService ideas;
    private final Div period = new Div();
    private final RadioButtonGroup<String> scale = new RadioButtonGroup<>();
    private LocalDate anchor;
    private long consultationId;
    private String title = "";
    private Long editing;

    CalendarView(ContentCalendarService calendar, ConsultationService consultations, IdeaService ideas) {
        this.calendar = calendar;
        this.consultations = consultations;
        this.ideas = ideas;
        addClassName("page");
        addClassName("content-calendar");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        consultationId = event.getRouteParameters().getLong("id").orElseThrow(NotFoundException::new);
        ConsultationService.ConsultationDetails c =
                consultations.find(consultationId).orElseThrow(NotFoundException::new);
        title = getTranslation("calendar.title", c.title());
        anchor = LocalDate.now(ZONE);
        removeAll();
        add(new H1(title), form());
        scale.setLabel(getTranslation("calendar.scale"));
        scale.setItems("week", "month");
        scale.setItemLabelGenerator(s -> getTranslation("calendar.scale." + s));
        scale.setValue("week");
        scale.addValueChangeListener(e -> showPeriod());
        Button prev = new Button(getTranslation("calendar.previous"), e -> move(-1));
        Button next = new Button(getTranslation("calendar.next"), e -> move(1));
        HorizontalLayout nav = new HorizontalLayout(scale, prev, next);
        nav.setAlignItems(Alignment.BASELINE);
        nav.setWrap(true);
        add(nav, period);
        showPeriod();
    }

    /**
     * A new update is proposed for the next full hour within working hours (weekdays 9:00 to 17:00), when someone
     * is there to answer reactions to it; never for the middle of the night.
     */
    static LocalDateTime nextWorkingHour(LocalDateTime now) {
        LocalDateTime t = now.plusHours(1).withMinute(0).withSecond(0).withNano(0);
        while (t.getDayOfWeek() == java.time.DayOfWeek.SATURDAY
                || t.getDayOfWeek() == java.time.DayOfWeek.SUNDAY
                || t.getHour() < 9
                || t.getHour() >= 17) {
            t = t.getHour() >= 17
                    ? t.plusDays(1).withHour(9)
                    : t.getHour() < 9 ? t.withHour(9) : t.plusDays(1).withHour(9);
        }
        return t;
    }

    private Div form() {
        Div d = new Div(new H2(getTranslation("calendar.plan")));
        d.setWidthFull();
        TextArea body = new TextArea(getTranslation("calendar.body"));
        body.setId("update-body");
        body.setWidthFull();
        body.setMaxLength(ContentCalendarService.MAX_BODY);
        DateTimePicker when = new DateTimePicker(getTranslation("calendar.when"));
        when.setId("update-when");
        when.setStep(Duration.ofMinutes(15));
        when.setValue(nextWorkingHour(LocalDateTime.now(ZONE)));
        when.setMaxWidth("100%");
        Map<Long, String> titles = new TreeMap<>();
        ideas.allFor(consultationId).stream().filter(i -> !i.hidden()).forEach(i -> titles.put(i.id(), i.title()));
        MultiSelectComboBox<Long> linked = new MultiSelectComboBox<>(getTranslation("calendar.ideas"));
        linked.setItems(titles.keySet());
        linked.setItemLabelGenerator(titles::get);
        linked.setWidth("min(24em, 100%)");
        AtomicReference<byte[]> image = new AtomicReference<>();
        Upload upload = Uploads.translated(
                new Upload(Uploads.inMemory(ContentCalendarService.MAX_IMAGE, (meta, bytes) -> image.set(bytes))));
        upload.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(ContentCalendarService.MAX_IMAGE);
        TextField alt = new TextField(getTranslation("calendar.image-alt"));
        alt.setHelperText(getTranslation("calendar.image-alt.help"));
        alt.setMaxLength(ContentCalendarService.MAX_ALT);
        alt.setWidth("min(24em, 100%)");
        FormMessage message = new FormMessage();
        Button save = new Button(getTranslation("calendar.save"), e -> {
            Instant at = when.getValue() == null
                    ? null
                    : when.getValue().atZone(ZONE).toInstant();
            ContentCalendarService.UpdateForm f = new ContentCalendarService.UpdateForm(
                    body.getValue(), new ArrayList<>(linked.getValue()), at, image.get(), null, alt.getValue());
            if (message.attempt(() -> {
                if (editing == null) {
                    calendar.plan(consultationId, f);
                } else {
                    calendar.edit(editing, f);
                }
            })) {
                message.success(getTranslation("calendar.saved"));
                editing = null;
                body.clear();
                linked.clear();
                alt.clear();
                image.set(null);
                upload.clearFileList();
                showPeriod();
            }
        });
        save.setId("update-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(when, linked);
        row.setWrap(true);
        d.add(body, row, upload, alt, save, message);
        this.editHook = u -> {
            editing = u.id();
            body.setValue(u.body());
            when.setValue(LocalDateTime.ofInstant(u.publishAt(), ZONE));
            linked.setValue(Set.copyOf(u.ideaIds()));
            alt.setValue(u.imageAlt() == null ? "" : u.imageAlt());
            body.focus();
        };
        return d;
    }

    private transient Consumer<UpdateView> editHook;

    private void move(int step) {
        anchor = "week".equals(scale.getValue()) ? anchor.plusWeeks(step) : anchor.plusMonths(step);
        showPeriod();
    }

    /**
     * The week (seven days side by side; one under the other on a phone) or the month (a grid of days; a day opens
     * its week). What needs attention is said once above the grid, and marked in the days it concerns.
     */
    private void showPeriod() {
        boolean week = "week".equals(scale.getValue());
        LocalDate from =
                week ? anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : anchor.withDayOfMonth(1);
        LocalDate to = week ? from.plusWeeks(1) : from.plusMonths(1);
        period.removeAll();
        DateTimeFormatter day =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(getLocale());
        String span = week
                ? getTranslation(
                        "calendar.period", from.format(day), to.minusDays(1).format(day))
                : from.format(DateTimeFormatter.ofPattern("LLLL yyyy", getLocale()));
        period.add(new H2(capitalised(span)));

        Set<LocalDate> empty = new HashSet<>();
        Map<LocalDate, List<Instant>> crowded = new TreeMap<>();
        for (ContentCalendarService.Warning w : calendar.warnings(consultationId, from, to)) {
            if (w.at() == null) {
                empty.add(w.day());
            } else {
                crowded.computeIfAbsent(w.day(), d -> new ArrayList<>()).add(w.at());
            }
        }
        int crowdedMoments = crowded.values().stream().mapToInt(List::size).sum();
        List<String> attention = new ArrayList<>();
        if (!empty.isEmpty()) {
            attention.add(getTranslation("calendar.summary.empty", empty.size()));
        }
        if (crowdedMoments > 0) {
            attention.add(getTranslation("calendar.summary.crowded", crowdedMoments));
        }
        if (!attention.isEmpty()) {
            Paragraph summary = new Paragraph(String.join(" ", attention));
            summary.addClassName("calendar-summary");
            period.add(summary);
        }

        Map<LocalDate, List<UpdateView>> byDay = new TreeMap<>();
        for (UpdateView u : calendar.planned(consultationId, from, to)) {
            byDay.computeIfAbsent(LocalDate.ofInstant(u.publishAt(), ZONE), x -> new ArrayList<>())
                    .add(u);
        }
        Div grid = new Div();
        grid.addClassNames("calendar-grid", week ? "calendar-week" : "calendar-month");
        if (!week) {
            for (DayOfWeek d : DayOfWeek.values()) {
                Span name = new Span(d.getDisplayName(TextStyle.SHORT, getLocale()));
                name.addClassName("calendar-weekday");
                name.getElement().setAttribute("aria-hidden", "true");
                grid.add(name);
            }
            for (int i = 1; i < from.getDayOfWeek().getValue(); i++) {
                Div blank = new Div();
                blank.addClassName("calendar-blank");
                grid.add(blank);
            }
        }
        LocalDate today = LocalDate.now(ZONE);
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            grid.add(dayCell(
                    d,
                    week,
                    d.equals(today),
                    empty.contains(d),
                    crowded.getOrDefault(d, List.of()),
                    byDay.getOrDefault(d, List.of())));
        }
        period.add(grid);
    }

    private Div dayCell(
            LocalDate d, boolean week, boolean today, boolean empty, List<Instant> crowded, List<UpdateView> list) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        Div cell = new Div();
        cell.addClassName("calendar-day");
        if (today) {
            cell.addClassName("calendar-today");
        }
        if (week) {
            H3 head = new H3(capitalised(d.format(DateTimeFormatter.ofPattern("EEEE d MMMM", getLocale()))));
            head.addClassName("calendar-day-head");
            cell.add(head);
        } else {
            LocalDate target = d;
            Button head = new Button(Integer.toString(d.getDayOfMonth()), e -> {
                anchor = target;
                scale.setValue("week");
            });
            head.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            head.addClassName("calendar-day-head");
            head.getElement()
                    .setAttribute(
                            "aria-label",
                            getTranslation(
                                    "calendar.day.show-week",
                                    d.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                            .withLocale(getLocale()))));
            cell.add(head);
        }
        for (Instant at : crowded) {
            Span busy = new Span(getTranslation(
                    "calendar.day.crowded", LocalDateTime.ofInstant(at, ZONE).format(time)));
            busy.addClassName("calendar-crowded");
            cell.add(busy);
        }
        if (empty) {
            Span none = new Span(getTranslation("calendar.day.empty"));
            none.addClassName("calendar-empty-note");
            cell.add(none);
        }
        for (UpdateView u : list) {
            Div item = new Div();
            item.addClassName("calendar-item");
            Span when = new Span(LocalDateTime.ofInstant(u.publishAt(), ZONE).format(time));
            when.addClassName("calendar-time");
            item.add(when);
            if (u.publishedAt() != null) {
                Span done = new Span(getTranslation("calendar.published"));
                done.getElement().getThemeList().add("badge success small");
                item.add(done);
            }
            // As residents will read it: the Markdown rendered, clipped to a few lines.
            Html preview = new Html("<div>" + Markdown.staffHtml(u.body()) + "</div>");
            preview.addClassName("calendar-preview");
            item.add(preview);
            if (week && u.publishedAt() == null) {
                Button edit = new Button(getTranslation("calendar.edit"), e -> editHook.accept(u));
                edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                Button delete = new Button(getTranslation("calendar.delete"), e -> {
                    calendar.delete(u.id());
                    showPeriod();
                });
                delete.addThemeVariants(
                        ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                item.add(new Div(edit, delete));
            }
            cell.add(item);
        }
        return cell;
    }

    /** "Maandag 30 november": only the first letter, as Dutch writes days and months in lower case. */
    private String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(getLocale()) + s.substring(1);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
