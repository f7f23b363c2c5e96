package org.inspraak.insight.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.inspraak.InspraakException;
import org.inspraak.consultation.NeighbourhoodService;
import org.inspraak.insight.InsightService;
import org.inspraak.insight.PolisFolder;
import org.inspraak.insight.PolisImportService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.inspraak.security.Role;
import org.inspraak.ui.FormMessage;

/**
 * Admin tools for insights: import a Polis export (its CSV files uploaded together; imported in the background
 * with progress) and maintain the municipality's population shares that representativeness compares against.
 */
@Route("beheer/inzichten")
@RolesAllowed(Role.ADMIN_NAME)
class InsightAdminView extends VerticalLayout implements HasDynamicTitle {

    static final Set<String> POLIS_FILES = Set.of("comments.csv", "votes.csv", "summary.csv",
            "participants-votes.csv");

    private final transient PolisImportService importer;
    private final transient InsightService insights;
    private final transient CurrentUser currentUser;
    private final Map<String, byte[]> uploaded = new ConcurrentHashMap<>();
    private final FormMessage importMessage = new FormMessage();
    private final FormMessage shareMessage = new FormMessage();
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Grid<InsightService.ShareRow> shares = new Grid<>();

    InsightAdminView(PolisImportService importer, InsightService insights, NeighbourhoodService neighbourhoods,
                     CurrentUser currentUser) {
        this.importer = importer;
        this.insights = insights;
        this.currentUser = currentUser;
        addClassName("page");
        add(new H1(getTranslation("insight.admin.title")));

        add(new H2(getTranslation("polis.title")), new Paragraph(getTranslation("polis.explain")));
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> uploaded.put(meta.fileName(), bytes)));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(4);
        upload.setMaxFileSize(50 * 1024 * 1024);
        progress.setVisible(false);
        progress.getElement().setAttribute("aria-label", getTranslation("polis.progress"));
        Button start = new Button(getTranslation("polis.import"), e -> startImport());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClassName("start-import");
        add(upload, start, progress, importMessage);

        add(new H2(getTranslation("population.title")), new Paragraph(getTranslation("population.explain")));
        shares.addColumn(r -> getTranslation("population.dimension." + r.dimension()))
                .setHeader(getTranslation("population.dimension"));
        shares.addColumn(InsightService.ShareRow::band).setHeader(getTranslation("population.band"));
        shares.addColumn(r -> r.sharePct().stripTrailingZeros().toPlainString() + "%")
                .setHeader(getTranslation("population.share"));
        shares.setAllRowsVisible(true);
        refreshShares();
        Select<String> dimension = new Select<>();
        dimension.setLabel(getTranslation("population.dimension"));
        dimension.setItems("AGE", "NEIGHBOURHOOD");
        dimension.setItemLabelGenerator(d -> getTranslation("population.dimension." + d));
        ComboBox<String> band = new ComboBox<>(getTranslation("population.band"));
        dimension.addValueChangeListener(e -> band.setItems("AGE".equals(e.getValue())
                ? java.util.List.of("16-24", "25-34", "35-49", "50-64", "65+")
                : neighbourhoods.all().stream().map(NeighbourhoodService.NeighbourhoodRef::name).toList()));
        dimension.setValue("AGE");
        BigDecimalField pct = new BigDecimalField(getTranslation("population.share"));
        pct.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
        Button save = new Button(getTranslation("population.save"), e -> {
            shareMessage.clear();
            if (band.getValue() == null || pct.getValue() == null) {
                shareMessage.error(getTranslation("population.incomplete"));
                return;
            }
            try {
                insights.setPopulationShare(dimension.getValue(), band.getValue(), pct.getValue());
                shareMessage.success(getTranslation("population.saved"));
                refreshShares();
            } catch (InspraakException ex) {
                shareMessage.error(getTranslation(ex.key(), ex.args()));
            }
        });
        HorizontalLayout form = new HorizontalLayout(dimension, band, pct, save);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);
        add(shares, form, shareMessage);
    }

    private void refreshShares() {
        shares.setItems(insights.populationShares());
    }

    private void startImport() {
        importMessage.clear();
        for (String required : java.util.List.of("comments.csv", "votes.csv", "summary.csv")) {
            if (!uploaded.containsKey(required)) {
                importMessage.error(getTranslation("polis.missing", required));
                return;
            }
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
                    importMessage.removeAll();
                    importMessage.success(getTranslation("polis.done", r.ideas(), r.participants(), r.votes()));
                    importMessage.add(new Anchor("gesprekken/" + r.consultationId() + "/inzichten",
                            getTranslation("polis.open")));
                });
            } catch (PolisFolder.FormatException ex) {
                ui.access(() -> {
                    progress.setVisible(false);
                    importMessage.error(getTranslation("polis.bad", ex.getMessage()));
                });
            } catch (RuntimeException ex) {
                ui.access(() -> {
                    progress.setVisible(false);
                    importMessage.error(getTranslation("polis.failed"));
                });
            }
        }));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("insight.admin.title");
    }
}
