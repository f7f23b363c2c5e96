package org.inspraak.security;

import java.util.List;
import java.util.function.Predicate;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.DefaultAccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import org.inspraak.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Roles are checked with the request, as Vaadin does, but Vaadin's service lookup runs only once. */
class NavigationAccessTest extends IntegrationTest {

    @Autowired
    NavigationAccessControl accessControl;

    private final NavigationAccess access = new NavigationAccess(List.of(), new DefaultAccessCheckDecisionResolver());

    private static VaadinRequest request(String type) {
        VaadinRequest request = mock(VaadinRequest.class);
        when(request.getParameter("v-r")).thenReturn(type);
        when(request.isUserInRole(Role.MODERATOR_NAME)).thenReturn(true);
        return request;
    }

    @Test
    void theApplicationUsesIt() {
        assertThat(accessControl).isInstanceOf(NavigationAccess.class);
        assertThat(accessControl.isEnabled())
                .as("views are still denied by default")
                .isTrue();
    }

    @Test
    void afterTheFirstPageRolesComeFromTheRequestWithoutALookup() {
        VaadinRequest first = request("uidl");
        access.getRolesChecker(first);
        verify(first).getService(); // Vaadin's own code, which sets the role prefix

        VaadinRequest next = request("uidl");
        Predicate<String> roles = access.getRolesChecker(next);
        assertThat(roles.test(Role.MODERATOR_NAME)).isTrue();
        assertThat(roles.test(Role.ADMIN_NAME)).isFalse();
        verify(next, times(0)).getService();
    }

    @Test
    void pushRequestsAlwaysGoThroughVaadin() {
        access.getRolesChecker(request("uidl"));
        VaadinRequest push = request("push");
        access.getRolesChecker(push);
        verify(push).getService();
    }
}
