package io.mlexp.metrics;

/**
 * {@link Double#parseDouble} with a fast path for what metrics logs hold on most lines, a plain decimal such as
 * {@code 0.693147} or {@code -12.5}: at most 15 significant digits and no exponent. Its digits, an integer below 2^53,
 * and the power of ten that divides them, at most 10^22, are both exact doubles, so one division gives the correctly
 * rounded value, the same as {@code parseDouble}'s (Clinger's fast path). Anything else goes to {@code parseDouble}.
 */
final class PlainDecimal {
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private PlainDecimal() {
    }

    static double parse(String text) {
        int length = text.length();
        int i = 0;
        boolean negative = false;
        if (length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i++;
        }
        long digits = 0;
        int significant = 0;
        int fraction = -1;
        int start = i;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (significant > 0 || c != '0') {
                    significant++;
                }
                digits = digits * 10 + (c - '0');
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return Double.parseDouble(text); // an exponent, a suffix, or not a number: parseDouble says which
            }
        }
        int digitCount = i - start - (fraction >= 0 ? 1 : 0);
        if (digitCount == 0 || significant > 15 || fraction > 22 || i - start > 40) {
            return Double.parseDouble(text);
        }
        double value = fraction > 0 ? digits / POWERS_OF_TEN[fraction] : digits;
        return negative ? -value : value;
    }
}
