package org.accord.cases.sharing;

/** What a country or group the case is shared with may do with it. */
public enum Access {
    READ, CONTRIBUTE
}
