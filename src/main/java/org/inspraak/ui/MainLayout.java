package org.inspraak.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.inspraak.InspraakProperties;
import org.inspraak.Messages;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.inspraak.security.Role;

/** The shell around every page: the municipality's identity, language switch, account menu and role-based navigation. */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final transient CurrentUser currentUser;
    private final transient AuthenticationContext authentication;
    private final transient LocaleSupport localeSupport;
    private final transient NavigationExtensions extensions;

    public MainLayout(
            InspraakProperties properties,
            CurrentUser currentUser,
            AuthenticationContext authentication,
            LocaleSupport localeSupport,
            NavigationExtensions extensions) {
        this.currentUser = currentUser;
        this.authentication = authentication;
        this.localeSupport = localeSupport;
        this.extensions = extensions;
        setPrimarySection(Section.NAVBAR);
        addClassName("inspraak-shell");

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.menu"));

        // The brand and (for residents) the side navigation are on every page a resident keeps open and never
        // change while it is open: one element each instead of one per logo, text and icon (see StaticHtml).
        org.jsoup.nodes.Element brandHtml = StaticHtml.element("a", "brand")
                .attr("href", "/")
                .attr(
                        "aria-label",
                        getTranslation("nav.home-of", properties.municipality().name()));
        brandHtml
                .appendElement("img")
                .addClass("brand-logo")
                .attr("src", properties.municipality().logo())
                .attr("alt", properties.municipality().name());
        StaticHtml.text(brandHtml, "span", properties.municipality().name(), "brand-name");
        StaticHtml.text(brandHtml, "span", getTranslation("app.name"), "brand-product");
        Component brand = StaticHtml.of(brandHtml);

        HorizontalLayout header = new HorizontalLayout(toggle, brand, accountArea());
        header.setWidthFull();
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        header.expand(brand);
        header.addClassName("shell-header");
        addToNavbar(header);
        addToDrawer(navigation());
    }

    private Component accountArea() {
        boolean dutch = Messages.supported(getLocale()).getLanguage().equals("nl");
        Button language = new Button(getTranslation("nav.switch-language"));
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        language.getElement().setAttribute("lang", dutch ? "en" : "nl");
        language.addClickListener(
                e -> localeSupport.switchTo(UI.getCurrent(), dutch ? Messages.ENGLISH : Messages.DUTCH));
        language.setId("switch-language");

        HorizontalLayout area = new HorizontalLayout(language);
        area.setAlignItems(HorizontalLayout.Alignment.CENTER);
        area.setSpacing(false);
        area.addClassName("account-area");
        InspraakUser user = currentUser.get().orElse(null);
        if (user == null) {
            Anchor login = new Anchor("/login", getTranslation("nav.login"));
            login.setId("nav-login");
            Anchor register = new Anchor("/registreren", getTranslation("nav.register"));
            register.addClassName("hide-on-phone");
            area.add(login, register);
        } else {
            extensions.headerItems().forEach(area::add);
            Anchor account = new Anchor("/account", user.displayName());
            account.addClassName("hide-on-phone");
            Button logout = new Button(getTranslation("nav.logout"), e -> authentication.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            logout.setId("logout");
            area.add(account, logout);
        }
        return area;
    }

    private Component navigation() {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("nav.home"), "/", VaadinIcon.HOME.create()));
        InspraakUser user = currentUser.get().orElse(null);
        extensions.items(user).forEach(nav::addItem);
        if (user != null) {
            nav.addItem(new SideNavItem(getTranslation("nav.account"), "/account", VaadinIcon.USER.create()));
            if (user.has(Role.ADMIN)) {
                nav.addItem(new SideNavItem(
                        getTranslation("nav.admin.users"), "/beheer/gebruikers", VaadinIcon.USERS.create()));
                nav.addItem(new SideNavItem(
                        getTranslation("nav.admin.consultations"), "/beheer/gesprekken", VaadinIcon.COMMENTS.create()));
                nav.addItem(new SideNavItem(
                        getTranslation("nav.admin.outbox"), "/beheer/mail", VaadinIcon.ENVELOPE.create()));
                nav.addItem(new SideNavItem(
                        getTranslation("backup.title"), "/beheer/backup", VaadinIcon.DATABASE.create()));
            }
        } else {
            nav.addItem(new SideNavItem(getTranslation("nav.login"), "/login", VaadinIcon.SIGN_IN.create()));
            nav.addItem(
                    new SideNavItem(getTranslation("nav.register"), "/registreren", VaadinIcon.USER_CHECK.create()));
        }
        nav.addItem(new SideNavItem(getTranslation("nav.privacy"), "/privacy", VaadinIcon.LOCK.create()));
        nav.getElement().setAttribute("aria-label", getTranslation("nav.menu"));
        if (nav.getItems().stream().anyMatch(i -> i.getSuffixComponent() != null)) {
            return nav; // staff: live counters in the menu
        }
        return StaticHtml.of(asHtml(nav));
    }

    /** The same menu as static HTML: side-nav items only carry attributes, so the browser's elements behave alike. */
    private static org.jsoup.nodes.Element asHtml(SideNav nav) {
        org.jsoup.nodes.Element html = StaticHtml.element("vaadin-side-nav")
                .attr("aria-label", nav.getElement().getAttribute("aria-label"));
        for (SideNavItem item : nav.getItems()) {
            org.jsoup.nodes.Element entry = html.appendElement("vaadin-side-nav-item")
                    .attr("path", item.getElement().getAttribute("path"));
            if (item.getPrefixComponent() != null) {
                entry.appendElement("vaadin-icon")
                        .attr("icon", item.getPrefixComponent().getElement().getAttribute("icon"))
                        .attr("slot", "prefix");
            }
            entry.appendText(item.getLabel());
        }
        return html;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        ReturnPath.remember(event.getLocation());
        // A new page starts at its top; Back and Forward leave the browser's own scroll restoration alone.
        if (event.getLocationChangeEvent().getTrigger() != NavigationTrigger.HISTORY) {
            getElement()
                    .executeJs("window.scrollTo(0, 0); const c = this.shadowRoot && "
                            + "this.shadowRoot.querySelector('[content]'); if (c) { c.scrollTop = 0; }");
        }
    }
}
