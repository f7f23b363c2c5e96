package org.inspraak.webcare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.inspraak.IntegrationTest;
import org.inspraak.TestData;
import org.inspraak.notification.NotificationService;
import org.inspraak.reaction.QuestionDesk;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebcareServiceTest extends IntegrationTest {

    @Autowired
    WebcareService webcare;

    @Autowired
    ReactionService reactions;

    @Autowired
    NotificationService notifications;

    @Autowired
    QuestionRepository questions;

    @Test
    void aQuestionIsAcknowledgedRoutedAndAnsweredOfficially() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        TestData.User resident = loginNew();
        long reaction = reactions.post(idea, null, "Wanneer wordt hierover besloten?", true);
        QuestionDesk.QuestionInfo info = webcare.questionsOn(List.of(reaction)).get(reaction);
        assertThat(info.answered()).isFalse();
        assertThat(info.dueOn()).isEqualTo(WorkingDays.add(LocalDate.now(), 3));
        long plain = reactions.post(idea, null, "Gewone reactie", false);
        assertThat(webcare.questionsOn(List.of(plain))).isEmpty();

        assertThatThrownBy(() -> webcare.list(true, null, 0, 10)).isInstanceOf(AccessDeniedException.class);
        loginNew(Role.ADMIN);
        long department = webcare.createDepartment("Financiën " + TestData.next());
        TestData.User staff = data.user(Role.MODERATOR);
        webcare.setMember(department, staff.id(), true);
        assertThatThrownBy(() -> webcare.setMember(department, resident.id(), true))
                .hasMessageContaining("error.department.staff-only");
        WebcareService.QuestionRow row = webcare.list(true, null, 0, 100).stream()
                .filter(q -> q.reactionId() == reaction)
                .findFirst()
                .orElseThrow();
        webcare.route(row.id(), department);

        login(staff);
        assertThat(webcare.myDepartment()).contains(department);
        assertThat(webcare.list(true, department, 0, 10))
                .extracting(WebcareService.QuestionRow::reactionId)
                .containsExactly(reaction);
        webcare.answer(row.id(), "De raad besluit op 12 december.");
        assertThatThrownBy(() -> webcare.answer(row.id(), "Nog een keer"))
                .hasMessageContaining("error.question.answered");
        assertThat(webcare.questionsOn(List.of(reaction)).get(reaction).answered())
                .isTrue();
        ReactionService.ReactionView answer = reactions.thread(idea, 0, 10).stream()
                .filter(r -> r.body().startsWith("De raad besluit"))
                .findFirst()
                .orElseThrow();
        assertThat(answer.official()).isTrue();
        assertThat(answer.parentId()).isEqualTo(reaction);

        awaitEventsHandled();
        login(resident);
        assertThat(notifications.unreadCount()).isEqualTo(1);
    }

    @Test
    void overdueQuestionsAreCounted() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        TestData.User resident = data.user();
        long r = reactions.postAs(resident.id(), false, idea, null, "Oude vraag", Instant.now());
        questions.save(new Question(
                r,
                idea,
                resident.id(),
                Instant.now().minusSeconds(864_000),
                LocalDate.now().minusDays(2)));
        loginNew(Role.MODERATOR);
        assertThat(webcare.overdueCount()).isGreaterThanOrEqualTo(1);
        assertThat(webcare.list(true, null, 0, 100)).anyMatch(q -> q.reactionId() == r && q.overdue());
    }

    @Test
    void theResponseSchemeIsEditableByAdminsOnly() {
        assertThat(webcare.responseScheme()).contains("Vraag aan de gemeente");
        loginNew(Role.MODERATOR);
        assertThatThrownBy(() -> webcare.updateResponseScheme("x")).isInstanceOf(AccessDeniedException.class);
        loginNew(Role.ADMIN);
        String original = webcare.responseScheme();
        webcare.updateResponseScheme("| a | b |\n|---|---|\n| c | d |");
        assertThat(webcare.responseScheme()).startsWith("| a | b |");
        webcare.updateResponseScheme(original);
    }
}
