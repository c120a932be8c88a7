package org.scforge.cli;

/**
 * One line per problem, whatever the problem quotes: a name or a path holding a newline would otherwise
 * split a message in two, and a terminal control sequence would act on the user's terminal. Control
 * characters are written as Java escapes ({@code \n}, {@code \t}, {@code \u001b}).
 */
final class Messages {

    private Messages() {
    }

    static String oneLine(String message) {
        String text = message == null ? "" : message;
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
