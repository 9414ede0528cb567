package org.accord.support.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Other spellings of an id than its canonical one: each must name nothing, as an id that does not exist. */
public final class IdSpellings {

    private IdSpellings() {
    }

    /** By name, the spellings of {@code canonical} (lower-case ObjectId hex or lower-case UUID) to try. */
    public static Map<String, String> of(String canonical) {
        Map<String, String> spellings = new LinkedHashMap<>();
        spellings.put("upper-case", canonical.toUpperCase());
        spellings.put("mixed-case", mixedCase(canonical));
        spellings.put("leading space", " " + canonical);
        spellings.put("trailing space", canonical + " ");
        spellings.put("tab", canonical + "\t");
        spellings.put("leading zeros", "00" + canonical);
        spellings.put("overlong", canonical + "0");
        if (canonical.contains("-")) {
            spellings.put("without dashes", canonical.replace("-", ""));
            spellings.put("braced", "{" + canonical + "}");
        } else {
            spellings.put("ObjectId(…)", "ObjectId(\"" + canonical + "\")");
        }
        return spellings;
    }

    /** The spelling as one path segment, percent-encoded (a space as {@code %20}, a tab as {@code %09}). */
    public static String inPath(String spelling) {
        return URLEncoder.encode(spelling, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Every second letter upper-case, so the spelling differs from both the lower- and the upper-case one. */
    private static String mixedCase(String canonical) {
        StringBuilder mixed = new StringBuilder();
        boolean upper = true;
        for (char c : canonical.toCharArray()) {
            if (Character.isLetter(c)) {
                mixed.append(upper ? Character.toUpperCase(c) : c);
                upper = !upper;
            } else {
                mixed.append(c);
            }
        }
        return mixed.toString();
    }
}
