package org.inspraak.ui;

import java.lang.reflect.Type;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.template.internal.DeprecatedPolymerPublishedEventHandler;
import tools.jackson.databind.JsonNode;

/**
 * Tells Flow that no component here is a Polymer template, so that it need not search the classpath for that on
 * every client call.
 *
 * <p>For each argument of a call from the browser (a scrolled list asking for its range, a vote button's click) Flow
 * looks this service up. With no implementation registered, Vaadin's Spring lookup asks Java's {@code ServiceLoader}
 * each time, which reads {@code META-INF/services} in every jar inside the packaged jar: a profile of the load test
 * put that at 2 % of the server's work. Flow registers the implementations it finds when it scans the allowed
 * packages at start-up; with this one registered, the lookup answers from its map. Not a Spring bean: Flow
 * instantiates it itself, as it would the Polymer module's own.
 */
@SuppressWarnings("deprecation")
public final class NoPolymerTemplates implements DeprecatedPolymerPublishedEventHandler {

    public NoPolymerTemplates() {
        // instantiated by Flow's lookup
    }

    @Override
    public boolean isTemplateModelValue(Component instance, JsonNode argValue, Class<?> convertedType) {
        return false;
    }

    @Override
    public Object getTemplateItem(Component template, JsonNode argValue, Type convertedType) {
        throw new IllegalStateException("There are no Polymer templates in this application");
    }
}
