package org.inspraak.ui;

import java.util.List;

import com.vaadin.flow.component.grid.Grid;

/**
 * Staff grids on a phone: columns that do not fit are hidden and the grid gets the class {@code phone}, so a
 * summary line inside the main column (class {@code phone-only}) can say what those columns said.
 */
public final class PhoneColumns {

    /** Below this window width a grid shows only its main column. */
    public static final int PHONE_WIDTH = 800;

    private PhoneColumns() {}

    public static <T> void fold(Grid<T> grid, List<Grid.Column<T>> wideOnly) {
        grid.addAttachListener(e -> {
            e.getUI().getPage().retrieveExtendedClientDetails(d -> apply(grid, wideOnly, d.getWindowInnerWidth()));
            e.getUI().getPage().addBrowserWindowResizeListener(r -> apply(grid, wideOnly, r.getWidth()));
        });
    }

    private static <T> void apply(Grid<T> grid, List<Grid.Column<T>> wideOnly, int width) {
        boolean phone = width < PHONE_WIDTH;
        wideOnly.forEach(c -> c.setVisible(!phone));
        grid.setClassName("phone", phone);
    }
}
