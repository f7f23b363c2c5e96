package org.inspraak;

import java.util.regex.Pattern;

/**
 * The one check every text a person types goes through before it is stored. Text must be readable as it is
 * stored (no control characters other than line breaks and tabs, no bidirectional overrides) and be valid
 * Unicode that every reader and the council's PDF can handle (no noncharacters such as U+FFFF, no lone
 * surrogates); a title or name must show something (not only spaces, zero-width or filler characters).
 */
public final class TextInput {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]|[\\u202A-\\u202E\\u2066-\\u2069]");
    /** Whitespace, format characters (zero-width space, joiners, BOM) and the Hangul and Braille fillers. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\s\\p{Z}\\p{Cf}\\u115F\\u1160\\u2800\\u3164\\uFFA0]*");

    private TextInput() {}

    /** Whether the text holds anything that must not be stored. */
    public static boolean isUnsafe(String text) {
        return CONTROL.matcher(text).find() || hasInvalidCodePoint(text);
    }

    /** Whether the text would look empty on screen. */
    public static boolean showsNothing(String text) {
        return INVISIBLE.matcher(text).matches();
    }

    /** The text without noncharacters and lone surrogates, for output that must not fail on them (the PDF). */
    public static String printable(String text) {
        if (!hasInvalidCodePoint(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(cp -> !isNonCharacter(cp) && (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean hasInvalidCodePoint(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                if (isNonCharacter(s.codePointAt(i))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || isNonCharacter(c)) {
                return true;
            }
        }
        return false;
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE, …). */
    private static boolean isNonCharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }
}
