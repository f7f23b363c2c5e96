package org.inspraak.polis.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import org.awaitility.Awaitility;
import org.inspraak.KaribuTest;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin's Polis import page, browserless: one import per click, the button back when it is done. */
class PolisImportViewTest extends KaribuTest {

    @Test
    void theImportButtonWaitsForTheRunningImport() throws Exception {
        login(data.user(Role.ADMIN));
        navigate("beheer/polis");
        PolisImportView view = _get(PolisImportView.class);
        Button start = _get(Button.class, s -> s.withClasses("start-import"));

        // Without files: the message names what is missing and the button can be used again at once.
        _click(start);
        assertThat(pageHtml()).contains("comments.csv");
        assertThat(start.isEnabled()).isTrue();

        Path folder = Path.of("src/test/resources/polis/15-per-hour-seattle");
        for (String file : PolisImportView.POLIS_FILES) {
            view.received(file, Files.readAllBytes(folder.resolve(file)));
        }
        _click(start);
        // While the import runs, a second click cannot start another one.
        assertThat(start.isEnabled()).isFalse();
        assertThatThrownBy(() -> _click(start)).isInstanceOf(IllegalStateException.class);

        Awaitility.await().pollInSameThread().atMost(Duration.ofMinutes(2)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return start.isEnabled();
        });
        assertThat(pageHtml()).contains("Geïmporteerd: 54 ideeën", "inzichten");
    }
}
