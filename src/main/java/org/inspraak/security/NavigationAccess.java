package org.inspraak.security;

import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.SpringNavigationAccessControl;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Vaadin's navigation access control, answering "is the user in this role?" without a service lookup per page.
 *
 * <p>Before every navigation Vaadin's Spring access control asks Flow's lookup for its role-prefix holder, to set the
 * prefix once, and then checks roles with the request. Flow's lookup finds that holder among the Spring beans and
 * also asks Java's {@code ServiceLoader}, which reads {@code META-INF/services} in every jar inside the packaged jar;
 * under load (2,000 residents) that was 4 % of the server's work. The check itself is the request's own
 * {@code isUserInRole}, so once the prefix is set (the first time, through Vaadin's own code) this one answers with
 * that directly. Push requests, where Vaadin reads the user differently, always go through Vaadin's code. Which
 * views a user may open is decided exactly as before: by the same checkers and the same decision.
 */
final class NavigationAccess extends SpringNavigationAccessControl {

    private volatile boolean prefixSet;

    NavigationAccess(Collection<NavigationAccessChecker> checkers, AccessCheckDecisionResolver resolver) {
        super(checkers, resolver);
    }

    @Override
    protected Predicate<String> getRolesChecker(VaadinRequest request) {
        if (request == null || HandlerHelper.isRequestType(request, HandlerHelper.RequestType.PUSH)) {
            return super.getRolesChecker(request);
        }
        if (!prefixSet) {
            Predicate<String> vaadins = super.getRolesChecker(request);
            prefixSet = true;
            return vaadins;
        }
        return request::isUserInRole;
    }

    /**
     * Builds the application's access control as Vaadin's auto-configuration does (the same configurer, the same
     * checkers), as this class. Vaadin declares that bean without a way to replace it, so it is swapped here as soon
     * as it is made, before anything uses it.
     */
    static BeanPostProcessor replacing(BeanFactory beans) {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings("unchecked")
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean.getClass() != SpringNavigationAccessControl.class) {
                    return bean;
                }
                NavigationAccessControlConfigurer configurer = beans.getBean(NavigationAccessControlConfigurer.class);
                List<NavigationAccessChecker> checkers = beans.getBeanProvider(NavigationAccessChecker.class)
                        .orderedStream()
                        .toList();
                NavigationAccessControl replaced = configurer.build(NavigationAccess::new, checkers);
                return replaced;
            }
        };
    }
}
