package org.inspraak.ui;

import com.vaadin.flow.component.html.Div;
import org.inspraak.InspraakException;
import org.springframework.security.access.AccessDeniedException;

/** A form's outcome line, announced to screen readers. */
public class FormMessage extends Div {

    public FormMessage() {
        addClassName("form-message");
        getElement().setAttribute("role", "status");
        getElement().setAttribute("aria-live", "polite");
        setVisible(false);
    }

    public void error(String text) {
        show(text, "error");
    }

    public void success(String text) {
        show(text, "success");
    }

    public void clear() {
        setText("");
        setVisible(false);
    }

    private void show(String text, String kind) {
        removeClassNames("error", "success");
        addClassName(kind);
        setText(text);
        setVisible(true);
    }

    /** Runs an action and shows a rule violation as this form's error. */
    public boolean attempt(Runnable action) {
        try {
            action.run();
            clear();
            return true;
        } catch (InspraakException | AccessDeniedException e) {
            error(Notices.message(this, e));
            return false;
        }
    }
}
