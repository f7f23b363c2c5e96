package org.inspraak;

import java.util.Locale;
import java.util.stream.Collectors;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Browserless UI tests: real views and services, a mocked Vaadin environment. */
public abstract class KaribuTest extends IntegrationTest {

    private static Routes routes;

    @Autowired
    protected ApplicationContext ctx;

    /** Views are package-private by design; Karibu's own discovery sees only public classes, so scan here. */
    @BeforeAll
    @SuppressWarnings("unchecked")
    static void discoverRoutes() {
        if (routes != null) {
            return;
        }
        Routes found = new Routes();
        try (ScanResult scan = new ClassGraph()
                .acceptPackages("org.inspraak")
                .enableClassInfo()
                .enableAnnotationInfo()
                .ignoreClassVisibility()
                .scan()) {
            scan.getClassesWithAnnotation(Route.class.getName())
                    .loadClasses()
                    .forEach(c -> found.getRoutes().add((Class<? extends Component>) c));
            // Our 404 page replaces Karibu's; Karibu's access-denied target stays, as it reports a denial to the test.
            found.getErrorRoutes().removeIf(c -> c.getSimpleName().equals("MockRouteNotFoundError"));
            scan.getClassesImplementing(HasErrorParameter.class.getName()).loadClasses().stream()
                    .filter(c -> !c.getSimpleName().equals("AccessDeniedView"))
                    .forEach(c -> found.getErrorRoutes().add((Class<? extends HasErrorParameter<?>>) c));
        }
        routes = found;
    }

    @BeforeEach
    void setupVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, ctx, uiFactory));
        UI.getCurrent().setLocale(Messages.DUTCH);
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        data.logout();
    }

    /** Logs in for both Spring Security (services) and the servlet request (Vaadin's view access checks). */
    @Override
    protected TestData.User login(TestData.User user) {
        var auth = data.authenticate(user);
        FakeRequest request = (FakeRequest) ((VaadinServletRequest) VaadinServletRequest.getCurrent()).getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> user.roles().stream()
                .anyMatch(r -> r.name().equals(role) || r.authority().equals(role)));
        return user;
    }

    protected void navigate(String location) {
        int q = location.indexOf('?');
        if (q < 0) {
            UI.getCurrent().navigate(location);
        } else {
            UI.getCurrent().navigate(location.substring(0, q), QueryParameters.fromString(location.substring(q + 1)));
        }
    }

    /** The rendered HTML of the current page (the UI element itself only lists its attributes). */
    protected String pageHtml() {
        return UI.getCurrent()
                .getChildren()
                .map(c -> c.getElement().getOuterHTML())
                .collect(Collectors.joining());
    }

    protected void english() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }
}
