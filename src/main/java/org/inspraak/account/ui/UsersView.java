package org.inspraak.account.ui;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.inspraak.account.AccountService;
import org.inspraak.account.AccountService.AccountRow;
import org.inspraak.security.Role;
import org.inspraak.ui.FormMessage;
import org.inspraak.ui.Formats;
import org.inspraak.ui.PhoneColumns;

/** Admins find accounts and assign roles. */
@Route("beheer/gebruikers")
@RolesAllowed(Role.ADMIN_NAME)
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final transient AccountService accounts;
    private final Grid<AccountRow> grid = new Grid<>();
    private final TextField filter = new TextField();

    public UsersView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("page");
        setSizeFull();
        filter.setPlaceholder(getTranslation("users.filter"));
        filter.setAriaLabel(getTranslation("users.filter"));
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setMaxLength(100);
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        // On a phone the name is the one column, with the address, roles and sign-up underneath.
        grid.addComponentColumn(r -> {
                    Span meta = new Span(String.join(
                            " · ",
                            r.email(),
                            roles(r),
                            getTranslation(r.emailVerified() ? "users.meta.verified" : "users.meta.unverified")));
                    meta.addClassNames("phone-only", "grid-meta");
                    return new Div(new Span(r.displayName()), meta);
                })
                .setHeader(getTranslation("users.name"))
                .setFlexGrow(1);
        Grid.Column<AccountRow> email = grid.addColumn(AccountRow::email)
                .setHeader(getTranslation("users.email"))
                .setAutoWidth(true);
        Grid.Column<AccountRow> roles = grid.addColumn(this::roles).setHeader(getTranslation("users.roles"));
        Grid.Column<AccountRow> verified = grid.addColumn(this::verified).setHeader(getTranslation("users.verified"));
        Grid.Column<AccountRow> created = grid.addColumn(r -> Formats.dateTime(r.createdAt(), getLocale()))
                .setHeader(getTranslation("users.created"));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        PhoneColumns.fold(grid, List.of(email, roles, verified, created));
        grid.addComponentColumn(r -> new Button(getTranslation("users.edit-roles"), e -> editRoles(r)))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(
                query -> accounts.findAccounts(filter.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) accounts.countAccounts(filter.getValue()));
        add(new H1(getTranslation("users.title")), filter, grid);
        expand(grid);
    }

    private String roles(AccountRow r) {
        return r.roles().stream()
                .map(role -> getTranslation("role." + role.name()))
                .sorted()
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    private String verified(AccountRow r) {
        return r.emailVerified() ? getTranslation("common.yes") : getTranslation("common.no");
    }

    private void editRoles(AccountRow row) {
        Dialog dialog = new Dialog(getTranslation("users.roles-of", row.displayName()));
        CheckboxGroup<Role> roles = new CheckboxGroup<>();
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        roles.setValue(row.roles());
        FormMessage message = new FormMessage();
        Button save = new Button(getTranslation("action.save"), e -> {
            Set<Role> chosen =
                    roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles.getValue());
            if (message.attempt(() -> accounts.assignRoles(row.id(), chosen))) {
                dialog.close();
                grid.getDataProvider().refreshAll();
            }
        });
        dialog.add(new VerticalLayout(roles, message));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title");
    }
}
