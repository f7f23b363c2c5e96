package org.inspraak;

import org.hibernate.search.mapper.pojo.bridge.RoutingBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.RoutingBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.RoutingBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.RoutingBridgeRouteContext;
import org.hibernate.search.mapper.pojo.route.DocumentRoutes;

/**
 * Keeps an entity in the search index only while the public may see it: hiding or deleting removes its document,
 * restoring adds it back. So no search needs "not hidden" filter clauses, which kept Lucene from skipping
 * documents that cannot reach the top results, and nothing hidden can leak through a forgotten filter.
 */
public abstract class IndexedWhileVisible<T> implements RoutingBinder {

    private final Class<T> type;
    private final String[] properties;

    protected IndexedWhileVisible(Class<T> type, String... properties) {
        this.type = type;
        this.properties = properties;
    }

    /** Whether the public may find this entity. */
    protected abstract boolean visible(T entity);

    @Override
    public void bind(RoutingBindingContext context) {
        for (String property : properties) {
            context.dependencies().use(property);
        }
        context.bridge(type, new RoutingBridge<T>() {
            @Override
            public void route(DocumentRoutes routes, Object id, T entity, RoutingBridgeRouteContext ctx) {
                if (visible(entity)) {
                    routes.addRoute();
                } else {
                    routes.notIndexed();
                }
            }

            @Override
            public void previousRoutes(DocumentRoutes routes, Object id, T entity, RoutingBridgeRouteContext ctx) {
                routes.addRoute(); // one index without routing keys: it was either there or not
            }
        });
    }
}
