package org.inspraak.polis.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.inspraak.polis.PolisFolder;
import org.inspraak.polis.PolisImportService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.inspraak.security.Role;
import org.inspraak.ui.FormMessage;
import org.inspraak.ui.Uploads;

/** Admins import a Polis export (its CSV files uploaded together), in the background with progress. */
@Route("beheer/polis")
@RolesAllowed(Role.ADMIN_NAME)
class PolisImportView extends VerticalLayout implements HasDynamicTitle {

    static final Set<String> POLIS_FILES = Set.of("comments.csv", "votes.csv", "summary.csv", "participants-votes.csv");
    /** The largest shared votes.csv is under 1 MB; 50 MB leaves room for a conversation of a whole city. */
    static final int MAX_FILE = 50 * 1024 * 1024;

    private final transient PolisImportService importer;
    private final transient CurrentUser currentUser;
    private final Map<String, byte[]> uploaded = new ConcurrentHashMap<>();
    private final FormMessage importMessage = new FormMessage();
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Button start = new Button();

    PolisImportView(PolisImportService importer, CurrentUser currentUser) {
        this.importer = importer;
        this.currentUser = currentUser;
        addClassName("page");
        add(new H1(getTranslation("polis.title")), new Paragraph(getTranslation("polis.explain")));
        Upload upload = Uploads.translated(
                new Upload(Uploads.inMemory(MAX_FILE, (meta, bytes) -> received(meta.fileName(), bytes))));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(4);
        upload.setMaxFileSize(MAX_FILE);
        progress.setVisible(false);
        progress.getElement().setAttribute("aria-label", getTranslation("polis.progress"));
        start.setText(getTranslation("polis.import"));
        start.addClickListener(e -> startImport());
        // One import per click: a second click while one runs would import the conversation twice.
        start.setDisableOnClick(true);
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClassName("start-import");
        add(upload, start, progress, importMessage);
    }

    /** An uploaded file, kept until the import starts. */
    void received(String fileName, byte[] bytes) {
        uploaded.put(fileName, bytes);
    }

    private void startImport() {
        importMessage.clear();
        for (String required : List.of("comments.csv", "summary.csv")) {
            if (!uploaded.containsKey(required)) {
                importMessage.error(getTranslation("polis.missing", required));
                start.setEnabled(true);
                return;
            }
        }
        if (!uploaded.containsKey("votes.csv") && !uploaded.containsKey("participants-votes.csv")) {
            importMessage.error(getTranslation("polis.missing-votes"));
            start.setEnabled(true);
            return;
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("polis-import");
            for (Map.Entry<String, byte[]> f : uploaded.entrySet()) {
                if (POLIS_FILES.contains(f.getKey())) {
                    Files.write(dir.resolve(f.getKey()), f.getValue());
                }
            }
        } catch (IOException e) {
            start.setEnabled(true);
            throw new UncheckedIOException(e);
        }
        UI ui = UI.getCurrent();
        InspraakUser admin = currentUser.require(Role.ADMIN);
        progress.setVisible(true);
        progress.setValue(0);
        // The import runs in the background as the signed-in admin; progress and the result are pushed.
        CompletableFuture.runAsync(() -> currentUser.runAs(admin, () -> {
            try {
                PolisImportService.Imported r = importer.importFolder(dir, p -> ui.access(() -> progress.setValue(p)));
                ui.access(() -> {
                    progress.setVisible(false);
                    start.setEnabled(true);
                    importMessage.removeAll();
                    importMessage.success(getTranslation("polis.done", r.ideas(), r.participants(), r.votes()));
                    if (!r.notes().isEmpty()) {
                        UnorderedList notes = new UnorderedList();
                        r.notes().forEach(n -> notes.add(new ListItem(n)));
                        importMessage.add(new Paragraph(getTranslation("polis.notes")), notes);
                    }
                    // On its own line: next to the sentence it read as one word ("stemmen.Naar").
                    importMessage.add(new Paragraph(new Anchor(
                            "gesprekken/" + r.consultationId() + "/inzichten", getTranslation("polis.open"))));
                });
            } catch (PolisFolder.FormatException ex) {
                ui.access(() -> {
                    progress.setVisible(false);
                    start.setEnabled(true);
                    importMessage.error(getTranslation("polis.bad", ex.getMessage()));
                });
            } catch (RuntimeException ex) {
                ui.access(() -> {
                    progress.setVisible(false);
                    start.setEnabled(true);
                    importMessage.error(getTranslation("polis.failed"));
                });
            }
        }));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("polis.title");
    }
}
