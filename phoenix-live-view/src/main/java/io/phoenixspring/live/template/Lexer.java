package io.phoenixspring.live.template;

import io.phoenixspring.live.template.Token.Interpolation;
import io.phoenixspring.live.template.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** Splits an expression's source into tokens, on demand, from {@code start} up to {@code limit}. */
final class Lexer {

    private static final String[] SYMBOLS = {"===", "!==", "|>", "<>", "<-", "->", "=>", "==", "!=", "<=", ">=", "&&",
        "||", "++", "..", "%{", "+", "-", "*", "/", "<", ">", "!", "(", ")", "[", "]", "{", "}", ",", ".", "=", "|",
        "&", ";"};

    private final Source source;
    private final String text;
    private final int limit;
    private int pos;

    Lexer(Source source, int start, int limit) {
        this.source = source;
        this.text = source.text;
        this.pos = start;
        this.limit = limit;
    }

    Token next() {
        skipSpace();
        if (pos >= limit) {
            return new Token(Kind.EOF, "", null, limit, limit);
        }
        int start = pos;
        char c = text.charAt(pos);
        if (Character.isDigit(c)) {
            return number(start);
        }
        if (c == '@') {
            pos++;
            if (pos >= limit || !identStart(text.charAt(pos))) {
                throw source.error(start, "expected an assign name after @");
            }
            String name = identifier();
            return new Token(Kind.ASSIGN, text.substring(start, pos), name, start, pos);
        }
        if (identStart(c)) {
            String name = identifier();
            if (pos < limit && (text.charAt(pos) == '?' || text.charAt(pos) == '!')
                    && !(pos + 1 < limit && text.charAt(pos + 1) == '=')) {
                name = name + text.charAt(pos++);
            }
            if (pos + 1 <= limit && pos < limit && text.charAt(pos) == ':'
                    && (pos + 1 == limit || Character.isWhitespace(text.charAt(pos + 1)))) {
                pos++;
                return new Token(Kind.KEY, name + ":", name, start, pos);
            }
            return new Token(Kind.IDENT, name, name, start, pos);
        }
        if (Character.isUpperCase(c)) {
            while (pos < limit && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return new Token(Kind.ALIAS, text.substring(start, pos), null, start, pos);
        }
        if (c == ':' && pos + 1 < limit && (identStart(text.charAt(pos + 1)) || text.charAt(pos + 1) == '"')) {
            pos++;
            if (text.charAt(pos) == '"') {
                List<Object> parts = string();
                if (parts.size() > 1 || (parts.size() == 1 && !(parts.get(0) instanceof String))) {
                    throw source.error(start, "atoms cannot be interpolated");
                }
                return new Token(Kind.LITERAL, text.substring(start, pos), parts.isEmpty() ? "" : parts.get(0), start, pos);
            }
            String name = identifier();
            if (pos < limit && (text.charAt(pos) == '?' || text.charAt(pos) == '!')) {
                name = name + text.charAt(pos++);
            }
            return new Token(Kind.LITERAL, text.substring(start, pos), name, start, pos);
        }
        if (c == '"') {
            List<Object> parts = string();
            return new Token(Kind.STRING, text.substring(start, pos), parts, start, pos);
        }
        if (c == '\'') {
            throw source.error(start, "charlists ('...') are not supported: use a string (\"...\")");
        }
        if (c == '~') {
            return sigil(start);
        }
        for (String symbol : SYMBOLS) {
            if (text.startsWith(symbol, pos) && pos + symbol.length() <= limit) {
                pos += symbol.length();
                return new Token(Kind.SYMBOL, symbol, null, start, pos);
            }
        }
        throw source.error(start, "unexpected character '" + c + "' in expression");
    }

    /** {@code ~p"..."}, Phoenix's verified route: the only sigil templates know. */
    private Token sigil(int start) {
        pos++;
        if (pos >= limit || !Character.isLetter(text.charAt(pos))) {
            throw source.error(start, "expected a sigil letter after ~, as in ~p\"/users\"");
        }
        char letter = text.charAt(pos);
        if (letter != 'p') {
            throw source.error(start, "sigil ~" + letter + " is not supported in templates: only ~p\"/path\" (verified routes)");
        }
        pos++;
        if (pos >= limit || text.charAt(pos) != '"') {
            throw source.error(start, "~p takes a path in double quotes, as in ~p\"/users/#{@user.id}\"");
        }
        List<Object> parts = string("the ~p sigil", start);
        return new Token(Kind.SIGIL, text.substring(start, pos), parts, start, pos);
    }

    private void skipSpace() {
        while (pos < limit && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    static boolean identStart(char c) {
        return (c >= 'a' && c <= 'z') || c == '_';
    }

    private String identifier() {
        int start = pos;
        while (pos < limit && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private Token number(int start) {
        while (pos < limit && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        boolean isFloat = false;
        if (pos + 1 < limit && text.charAt(pos) == '.' && Character.isDigit(text.charAt(pos + 1))) {
            isFloat = true;
            pos++;
            while (pos < limit && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            if (pos < limit && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                int mark = pos++;
                if (pos < limit && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
                    pos++;
                }
                if (pos < limit && Character.isDigit(text.charAt(pos))) {
                    while (pos < limit && Character.isDigit(text.charAt(pos))) {
                        pos++;
                    }
                } else {
                    pos = mark;
                }
            }
        }
        String digits = text.substring(start, pos).replace("_", "");
        try {
            Object value = isFloat ? (Object) Double.parseDouble(digits) : (Object) Long.parseLong(digits);
            return new Token(Kind.LITERAL, text.substring(start, pos), value, start, pos);
        } catch (NumberFormatException e) {
            throw source.error(start, "number out of range: " + digits);
        }
    }

    private List<Object> string() {
        return string("the string", pos);
    }

    /** A string literal from the opening quote at {@code pos}: literal parts and interpolations. */
    private List<Object> string(String what, int errorAt) {
        int start = pos;
        pos++;
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        while (true) {
            if (pos >= limit) {
                throw source.error(errorAt, "missing terminator \" for " + what + " starting here");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\') {
                if (pos + 1 >= limit) {
                    throw source.error(errorAt, "missing terminator \" for " + what + " starting here");
                }
                char escaped = text.charAt(pos + 1);
                literal.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 's' -> ' ';
                    case '0' -> '\0';
                    case 'e' -> '\u001b';
                    default -> escaped;
                });
                pos += 2;
                continue;
            }
            if (c == '#' && pos + 1 < limit && text.charAt(pos + 1) == '{') {
                if (!literal.isEmpty()) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                int exprStart = pos + 2;
                int close = matchingBrace(source, exprStart, limit);
                parts.add(new Interpolation(exprStart, close));
                pos = close + 1;
                continue;
            }
            literal.append(c);
            pos++;
        }
        if (!literal.isEmpty()) {
            parts.add(literal.toString());
        }
        return parts;
    }

    /** The offset of the '}' closing an expression that starts at {@code from} (strings and nested braces skipped). */
    static int matchingBrace(Source source, int from, int limit) {
        String text = source.text;
        int depth = 0;
        int i = from;
        while (i < limit) {
            char c = text.charAt(i);
            if (c == '"') {
                i = skipString(source, i, limit);
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
            i++;
        }
        throw source.error(from, "missing closing } for the expression starting here");
    }

    /** The offset after the string literal whose opening quote is at {@code quote}. */
    static int skipString(Source source, int quote, int limit) {
        String text = source.text;
        int i = quote + 1;
        while (i < limit) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else if (c == '#' && i + 1 < limit && text.charAt(i + 1) == '{') {
                i = matchingBrace(source, i + 2, limit) + 1;
            } else {
                i++;
            }
        }
        if (quote >= 2 && text.startsWith("~p", quote - 2)) {
            throw source.error(quote - 2, "missing terminator \" for the ~p sigil starting here");
        }
        throw source.error(quote, "missing terminator \" for the string starting here");
    }
}
