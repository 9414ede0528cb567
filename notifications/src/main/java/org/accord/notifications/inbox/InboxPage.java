package org.accord.notifications.inbox;

import java.util.List;

record InboxPage(List<InboxItemView> items, int page, int size, long totalItems) {
}
