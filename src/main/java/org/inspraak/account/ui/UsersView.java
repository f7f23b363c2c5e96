package org.inspraak.account.ui;

import java.util.EnumSet;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
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
        grid.addColumn(AccountRow::displayName)
                .setHeader(getTranslation("users.name"))
                .setAutoWidth(true);
        grid.addColumn(AccountRow::email)
                .setHeader(getTranslation("users.email"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.roles().stream()
                        .map(role -> getTranslation("role." + role.name()))
                        .sorted()
                        .reduce((a, b) -> a + ", " + b)
                        .orElse(""))
                .setHeader(getTranslation("users.roles"));
        grid.addColumn(r -> r.emailVerified() ? getTranslation("common.yes") : getTranslation("common.no"))
                .setHeader(getTranslation("users.verified"));
        grid.addColumn(r -> Formats.dateTime(r.createdAt(), getLocale())).setHeader(getTranslation("users.created"));
        grid.addComponentColumn(r -> new Button(getTranslation("users.edit-roles"), e -> editRoles(r)));
        grid.setItems(
                query -> accounts.findAccounts(filter.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) accounts.countAccounts(filter.getValue()));
        add(new H1(getTranslation("users.title")), filter, grid);
        expand(grid);
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
