package org.accord.notifications.delivery;

import java.util.List;

record DeliveryPage(List<DeliveryView> items, int page, int size, long totalItems) {
}
