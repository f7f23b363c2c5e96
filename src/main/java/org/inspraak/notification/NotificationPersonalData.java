package org.inspraak.notification;

import java.util.Map;

import org.inspraak.account.PersonalData;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A person's follows and notifications are exported, and forgotten on deletion. */
@Component
@Order(4)
class NotificationPersonalData implements PersonalData {

    private final NotificationService notifications;

    NotificationPersonalData(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public Map<String, Object> export(long userId) {
        return notifications.exportFor(userId);
    }

    @Override
    public void erase(long userId, long placeholderUserId) {
        notifications.forget(userId);
    }
}
