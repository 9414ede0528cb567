package org.accord.tasks.action;

public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
