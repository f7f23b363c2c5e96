package org.inspraak.security;

import java.security.SecureRandom;
import java.util.Base64;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * Vaadin's page shell carries inline scripts (its bootstrap and the first server response). Instead of allowing every
 * inline script with {@code 'unsafe-inline'}, each shell gets a fresh nonce on its own scripts and a policy that
 * allows only those: an injected {@code <script>} or event-handler attribute does not run even if some escaping fails.
 */
@Component
class ScriptNonces implements VaadinServiceInitListener {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            String nonce = nonce();
            for (Element script : response.getDocument().getElementsByTag("script")) {
                script.attr("nonce", nonce);
            }
            response.getVaadinResponse().setHeader("Content-Security-Policy", SecurityConfig.shellPolicy(nonce));
        });
    }

    static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
