package org.accord.cases.sharing;

/** Traffic Light Protocol 2.0 labels, from the widest audience to the narrowest. */
public enum Tlp {
    CLEAR, GREEN, AMBER, AMBER_STRICT, RED
}
