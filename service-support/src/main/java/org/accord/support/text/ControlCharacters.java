package org.accord.support.text;

/** Which characters may shape the layout of text: every control character and the Unicode line separators. */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** C0, DEL and C1 (NEL included), and U+2028/U+2029, which some readers break lines at. */
    public static boolean isControl(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL
                || codePoint == '\u2028' || codePoint == '\u2029';
    }

    public static boolean isSingleLine(CharSequence text) {
        return text.codePoints().noneMatch(ControlCharacters::isControl);
    }

    public static boolean isMultiLine(CharSequence text) {
        return text.codePoints().noneMatch(c -> c != '\n' && c != '\t' && isControl(c));
    }

    /** The text as one line: every run of control characters becomes one space. */
    public static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        boolean inRun = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isControl(c)) {
                if (!inRun) {
                    line.append(' ');
                }
                inRun = true;
            } else {
                line.appendCodePoint(c);
                inRun = false;
            }
        }
        return line.toString();
    }
}
