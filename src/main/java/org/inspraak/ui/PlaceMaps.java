package org.inspraak.ui;

import java.util.function.BiConsumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.shared.ui.LoadMode;
import org.inspraak.InspraakProperties;
import org.jspecify.annotations.Nullable;

/**
 * Maps of a place in the municipality, drawn in the browser by Leaflet (a static file from its WebJar, so no frontend
 * build). Tiles come from the configured tile server. Picking a place is a click on the map; the map is never the
 * only way to say where something is, since the description can always name the place.
 */
// Spring's stereotype, named in full: Component here is Vaadin's.
@org.springframework.stereotype.Component
public class PlaceMaps {

    private static final String LEAFLET = "context://webjars/leaflet/1.9.4/dist/";

    private final InspraakProperties.MapSettings settings;

    PlaceMaps(InspraakProperties properties) {
        this.settings = properties.map();
    }

    /** A map showing the place (if any); with {@code onPick}, a click sets the place and reports it. */
    public Div create(
            @Nullable Double latitude,
            @Nullable Double longitude,
            String label,
            @Nullable BiConsumer<Double, Double> onPick) {
        UI ui = UI.getCurrent();
        ui.getPage().addStyleSheet(LEAFLET + "leaflet.css");
        ui.getPage().addJavaScript(LEAFLET + "leaflet.js", LoadMode.EAGER);
        Div map = new Div();
        map.addClassName("place-map");
        map.getElement().setAttribute("role", "region");
        map.getElement().setAttribute("aria-label", label);
        if (onPick != null) {
            map.getElement()
                    .addEventListener(
                            "place-picked",
                            e -> onPick.accept(
                                    e.getEventData().get("event.detail.lat").asDouble(),
                                    e.getEventData().get("event.detail.lng").asDouble()))
                    .addEventData("event.detail.lat")
                    .addEventData("event.detail.lng");
        }
        String tiles = settings.tileUrl();
        map.addAttachListener(e -> map.getElement()
                .executeJs(
                        """
                        const el = this;
                        const start = () => {
                          if (!window.L) { setTimeout(start, 50); return; }
                          if (el.$map) { el.$map.remove(); }
                          const map = L.map(el, { scrollWheelZoom: false }).setView([$0, $1], $2);
                          L.tileLayer($3, { attribution: $4, maxZoom: 19 }).addTo(map);
                          let marker = null;
                          const put = ll => {
                            if (marker) { marker.setLatLng(ll); } else { marker = L.marker(ll, { title: $7 }).addTo(map); }
                            el.dataset.marked = 'true';
                          };
                          if ($5 !== null) { put([$5, $6]); map.setView([$5, $6], 16); }
                          if ($8) {
                            map.on('click', ev => {
                              put(ev.latlng);
                              el.dispatchEvent(new CustomEvent('place-picked',
                                { detail: { lat: ev.latlng.lat, lng: ev.latlng.lng } }));
                            });
                          }
                          // The map is often created before its box has its final size (inside a closed panel, or
                          // while the page lays out): redraw the tiles, and keep the place in view, whenever it changes.
                          new ResizeObserver(() => {
                            map.invalidateSize();
                            if (marker && !$8) { map.setView(marker.getLatLng(), map.getZoom()); }
                          }).observe(el);
                          el.$map = map;
                          el.dataset.ready = 'true';
                        };
                        start();
                        """,
                        settings.centerLatitude(),
                        settings.centerLongitude(),
                        settings.zoom(),
                        tiles,
                        settings.attribution(),
                        latitude,
                        longitude,
                        label,
                        onPick != null));
        return map;
    }
}
