package org.accord.cases.sharing;

import java.util.List;

/**
 * The facts of a case that decide who sees it. The case document stores them under these names, which the access
 * policy's query criteria rely on.
 */
public interface CaseSharing {

    String originCountry();

    Tlp tlp();

    List<SharingEntry> sharedWith();

    List<String> namedRecipients();

    List<String> owners();
}
