package org.inspraak.security;

import com.vaadin.flow.component.Component;

/**
 * The view where people sign in. The account module provides it; web security sends anyone who needs to sign in
 * there without depending on that module.
 */
public interface LoginPage {

    Class<? extends Component> view();
}
