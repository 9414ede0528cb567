package org.accord.cases.casefile;

/** No such case, or one the caller may not see: the two are told apart nowhere outside this service. */
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException() {
        super("case not found");
    }
}
