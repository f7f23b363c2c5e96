package org.inspraak.ui;

import org.inspraak.InspraakProperties;
import org.inspraak.Messages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link Admission} in front of everything else, so a refused request costs next to nothing. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "inspraak.admission.enabled", havingValue = "true", matchIfMissing = true)
class AdmissionSetup {

    @Bean
    Admission admission(InspraakProperties properties, Messages messages) {
        return new Admission(properties.admission(), messages);
    }

    @Bean
    FilterRegistrationBean<Admission> admissionFilter(Admission admission) {
        FilterRegistrationBean<Admission> registration = new FilterRegistrationBean<>(admission);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setAsyncSupported(true);
        return registration;
    }
}
