package org.inspraak.insight.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.inspraak.InspraakException;
import org.inspraak.insight.InsightService;
import org.inspraak.neighbourhood.NeighbourhoodService;
import org.inspraak.security.Role;
import org.inspraak.ui.FormMessage;

/** Admins maintain the municipality's population shares that representativeness compares against. */
@Route("beheer/inzichten")
@RolesAllowed(Role.ADMIN_NAME)
class InsightAdminView extends VerticalLayout implements HasDynamicTitle {

    private final transient InsightService insights;
    private final FormMessage shareMessage = new FormMessage();
    private final Grid<InsightService.ShareRow> shares = new Grid<>();

    InsightAdminView(InsightService insights, NeighbourhoodService neighbourhoods) {
        this.insights = insights;
        addClassName("page");
        add(new H1(getTranslation("insight.admin.title")));

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
        dimension.addValueChangeListener(e -> band.setItems(
                "AGE".equals(e.getValue())
                        ? List.of("16-24", "25-34", "35-49", "50-64", "65+")
                        : neighbourhoods.all().stream()
                                .map(NeighbourhoodService.NeighbourhoodRef::name)
                                .toList()));
        dimension.setValue("AGE");
        BigDecimalField pct = new BigDecimalField(getTranslation("population.share"));
        pct.setSuffixComponent(new Span("%"));
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

    @Override
    public String getPageTitle() {
        return getTranslation("insight.admin.title");
    }
}
