package org.inspraak.backup.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.inspraak.backup.BackupService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.Role;
import org.inspraak.ui.FormMessage;

/** Admins make a backup while the site keeps running, then download it. */
@Route("beheer/backup")
@RolesAllowed(Role.ADMIN_NAME)
class BackupView extends VerticalLayout implements HasDynamicTitle {

    BackupView(BackupService backups, CurrentUser currentUser) {
        addClassNames("page", "narrow-page");
        FormMessage message = new FormMessage();
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        progress.setVisible(false);
        VerticalLayout result = new VerticalLayout();
        result.setPadding(false);
        Button make = new Button(getTranslation("backup.make"));
        make.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        make.setId("backup-make");
        make.addClickListener(e -> {
            make.setEnabled(false);
            progress.setVisible(true);
            UI ui = UI.getCurrent();
            var security = currentUser.strategy().getContext();
            // Off the UI thread: a large database takes a while; Push brings the result back.
            Thread.ofVirtual().start(() -> {
                currentUser.strategy().setContext(security);
                try {
                    Path file = backups.backup();
                    ui.access(() -> {
                        progress.setVisible(false);
                        make.setEnabled(true);
                        message.success(
                                getTranslation("backup.done", file.getFileName().toString()));
                        Anchor download = new Anchor(
                                DownloadHandler.fromInputStream(ev -> new DownloadResponse(
                                        Files.newInputStream(file),
                                        file.getFileName().toString(),
                                        "application/zip",
                                        Files.size(file))),
                                getTranslation("backup.download"));
                        download.setId("backup-download");
                        result.removeAll();
                        result.add(download);
                    });
                } catch (RuntimeException ex) {
                    ui.access(() -> {
                        progress.setVisible(false);
                        make.setEnabled(true);
                        message.error(getTranslation("backup.failed"));
                    });
                } finally {
                    currentUser.strategy().clearContext();
                }
            });
        });
        add(
                new H1(getTranslation("backup.title")),
                new Paragraph(getTranslation("backup.intro")),
                make,
                progress,
                message,
                result,
                new Paragraph(getTranslation("backup.restore")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("backup.title");
    }
}
