package io.phoenixspring.live.template;

import io.phoenixspring.live.template.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the template language (a safe subset of Elixir's expression syntax; see the README) with
 * Elixir's operator precedence, resolving every call at compile time against the template's {@link Scope}.
 */
final class ExprParser {

    /** {@code pattern <- source, filter...}. */
    record Generator(Pattern pattern, Expr source, List<Expr> filters) {
    }

    private static final String[][] LEVELS = {
        {"||", "or"}, {"&&", "and"}, {"==", "!=", "===", "!=="}, {"<", ">", "<=", ">="}, {"|>"}, {"in", "not in"},
        {"++", "..", "<>"}, {"+", "-"}, {"*", "/"}};
    private static final int PIPE = 4;
    private static final int RIGHT_ASSOC = 6;

    private final Source source;
    private final Lexer lexer;
    private final Scope scope;
    private final List<Token> ahead = new ArrayList<>();
    private int lastEnd = -1;

    private ExprParser(Source source, int start, int end, Scope scope) {
        this.source = source;
        this.lexer = new Lexer(source, start, end);
        this.scope = scope;
    }

    /** The expression spanning {@code [start, end)}. */
    static Expr parse(Source source, int start, int end, Scope scope) {
        ExprParser parser = new ExprParser(source, start, end, scope);
        if (parser.peek(0).kind() == Kind.EOF) {
            throw source.error(start, "expected an expression");
        }
        Expr expr = parser.expression();
        parser.expectEnd();
        return expr;
    }

    /** {@code x <- @list} or {@code {id, item} <- @streams.items, item.visible}. */
    static Generator generator(Source source, int start, int end, Scope scope) {
        ExprParser parser = new ExprParser(source, start, end, scope);
        Pattern pattern = parser.pattern();
        Token arrow = parser.take();
        if (!arrow.is("<-")) {
            throw source.error(arrow.start(), "expected <- after the pattern of a comprehension, as in x <- @list");
        }
        Expr collection = parser.expression();
        List<Expr> filters = new ArrayList<>();
        while (parser.peek(0).is(",")) {
            parser.take();
            filters.add(parser.expression());
        }
        parser.expectEnd();
        return new Generator(pattern, collection, filters);
    }

    /** A {@code :let} pattern. */
    static Pattern pattern(Source source, int start, int end) {
        ExprParser parser = new ExprParser(source, start, end, null);
        Pattern pattern = parser.pattern();
        parser.expectEnd();
        return pattern;
    }

    private void expectEnd() {
        Token token = peek(0);
        if (token.kind() != Kind.EOF) {
            throw source.error(token.start(), "unexpected " + describe(token) + " after the expression");
        }
    }

    private Pattern pattern() {
        Token token = take();
        if (token.kind() == Kind.IDENT && !keyword(token.text())) {
            return token.text().startsWith("_") ? new Pattern.Ignore() : new Pattern.Var(token.text());
        }
        if (token.is("{")) {
            List<Pattern> elements = new ArrayList<>();
            if (!peek(0).is("}")) {
                do {
                    elements.add(pattern());
                } while (takeIf(","));
            }
            expect("}", token);
            return new Pattern.Tuple(elements);
        }
        throw source.error(token.start(), "expected a variable or {a, b} pattern, got " + describe(token));
    }

    private Expr expression() {
        return binary(0);
    }

    private Expr binary(int level) {
        if (level == LEVELS.length) {
            return unary();
        }
        Expr left = binary(level + 1);
        while (true) {
            Token token = peek(0);
            String op = operator(token, level);
            if (op == null) {
                return left;
            }
            take();
            if (op.equals("not in")) {
                take();
            }
            if (level == PIPE) {
                left = pipe(left, token);
            } else if (level == RIGHT_ASSOC) {
                return new Expr.Binary(token.start(), op, left, binary(level));
            } else {
                left = new Expr.Binary(token.start(), op, left, binary(level + 1));
            }
        }
    }

    private String operator(Token token, int level) {
        if (token.kind() != Kind.SYMBOL && token.kind() != Kind.IDENT) {
            return null;
        }
        String text = token.text();
        if (text.equals("not") && level == 5 && peek(1).kind() == Kind.IDENT && peek(1).text().equals("in")) {
            return "not in";
        }
        boolean word = token.kind() == Kind.IDENT;
        for (String op : LEVELS[level]) {
            if (op.equals(text) && Character.isLetter(op.charAt(0)) == word) {
                return op;
            }
        }
        return null;
    }

    /** {@code left |> f(args)} is {@code f(left, args)}. */
    private Expr pipe(Expr left, Token pipe) {
        Token name = take();
        String function;
        if (name.kind() == Kind.IDENT) {
            function = name.text();
        } else if (name.kind() == Kind.ALIAS && peek(0).is(".") && peek(1).kind() == Kind.IDENT) {
            take();
            function = name.text() + "." + take().text();
        } else {
            throw source.error(name.start(), "expected a function call after |>, got " + describe(name));
        }
        List<Expr> args = new ArrayList<>();
        args.add(left);
        if (peek(0).is("(")) {
            args.addAll(arguments(take()));
        }
        return call(name.start(), function, args);
    }

    private Expr unary() {
        Token token = peek(0);
        if (token.is("!") || (token.kind() == Kind.IDENT && token.text().equals("not"))) {
            take();
            return new Expr.Unary(token.start(), "!", unary());
        }
        if (token.is("-")) {
            take();
            Expr operand = unary();
            if (operand instanceof Expr.Literal literal && literal.value() instanceof Long l) {
                return new Expr.Literal(token.start(), -l);
            }
            if (operand instanceof Expr.Literal literal && literal.value() instanceof Double d) {
                return new Expr.Literal(token.start(), -d);
            }
            return new Expr.Unary(token.start(), "-", operand);
        }
        return postfix(primary());
    }

    private Expr postfix(Expr expr) {
        while (true) {
            Token token = peek(0);
            if (token.is(".")) {
                take();
                Token name = take();
                if (name.kind() != Kind.IDENT) {
                    throw source.error(name.start(), "expected a field name after ., got " + describe(name));
                }
                if (peek(0).is("(") && peek(0).start() == name.end()) {
                    throw source.error(name.start(), "unknown function ." + name.text()
                            + "(): templates cannot call methods; read a field (." + name.text()
                            + ") or call a built-in or @TemplateFunction");
                }
                expr = new Expr.Field(name.start(), expr, name.text());
            } else if (token.is("[") && token.start() == lastEnd) {
                take();
                Expr key = expression();
                expect("]", token);
                expr = new Expr.Index(token.start(), expr, key);
            } else {
                return expr;
            }
        }
    }

    private Expr primary() {
        Token token = take();
        switch (token.kind()) {
            case ASSIGN:
                return new Expr.Assign(token.start(), (String) token.value());
            case LITERAL:
                return new Expr.Literal(token.start(), token.value());
            case STRING:
                return string(token);
            case SIGIL:
                return sigil(token);
            case KEY:
                throw source.error(token.start(), "unexpected keyword " + token.text()
                        + " (keywords go last in a call, a list or a map)");
            case ALIAS:
                return qualified(token);
            case IDENT:
                return identifier(token);
            case EOF:
                throw source.error(token.start(), "expression ended early");
            default:
                break;
        }
        switch (token.text()) {
            case "(" -> {
                Expr inner = expression();
                expect(")", token);
                return inner;
            }
            case "[" -> {
                return list(token);
            }
            case "%{" -> {
                return map(token);
            }
            case "{" -> {
                return tuple(token);
            }
            case "&" -> throw source.error(token.start(), "anonymous functions (&) are not supported in templates");
            default -> throw source.error(token.start(), "unexpected " + describe(token));
        }
    }

    private Expr identifier(Token token) {
        String name = token.text();
        switch (name) {
            case "true":
                return new Expr.Literal(token.start(), Boolean.TRUE);
            case "false":
                return new Expr.Literal(token.start(), Boolean.FALSE);
            case "nil":
                return new Expr.Literal(token.start(), null);
            case "assigns":
                return new Expr.AllAssigns(token.start());
            case "if":
                return ifExpression(token);
            case "fn":
                throw source.error(token.start(), "anonymous functions (fn) are not supported in templates");
            default:
                break;
        }
        if (keyword(name)) {
            throw source.error(token.start(), "unexpected " + name);
        }
        if (peek(0).is("(") && peek(0).start() == token.end()) {
            List<Expr> args = arguments(take());
            return call(token.start(), name, args);
        }
        return new Expr.Var(token.start(), name);
    }

    private Expr qualified(Token alias) {
        if (!peek(0).is(".") || peek(1).kind() != Kind.IDENT) {
            Class<?> module = scope.module(alias.text());
            if (module != null) {
                return new Expr.Literal(alias.start(), new ModuleRef(module));   // <.live_component module={Toggle}>
            }
            throw source.error(alias.start(), "module references are not allowed in templates: " + alias.text()
                    + " (a live component's module={" + alias.text() + "} names a class the template's class imports"
                    + " with @TemplateImports, or one of its nested classes)");
        }
        take();
        Token name = take();
        String function = alias.text() + "." + name.text();
        if (!peek(0).is("(")) {
            return call(alias.start(), function, List.of());
        }
        return call(alias.start(), function, arguments(take()));
    }

    private Expr call(int pos, String name, List<Expr> args) {
        if (name.equals("url") && args.size() == 1 && args.get(0) instanceof Expr.Sigil sigil) {
            return sigil.asUrl();                      // url(~p"/images/x.png") is the static URL, as Phoenix's
        }
        Fn fn = scope.function(name, args.size());
        if (fn == null) {
            throw source.error(pos, "unknown function " + name + "/" + args.size() + " (" + scope.describeFunctions() + ")");
        }
        Expr.Call call = new Expr.Call(pos, name, List.copyOf(args), fn);
        if (name.startsWith("JS.") && constant(call)) {
            try {
                call.eval(null);                       // a JS command of literals: Phoenix's ArgumentError now, not at render
            } catch (EvalException e) {
                throw source.error(pos, e.getMessage());
            }
        }
        return call;
    }

    /** Literals, and lists, maps and JS calls of literals: evaluating them reads nothing. */
    private static boolean constant(Expr expr) {
        if (expr instanceof Expr.Literal) {
            return true;
        }
        if (expr instanceof Expr.ListOf list) {
            return list.elements().stream().allMatch(ExprParser::constant);
        }
        if (expr instanceof Expr.MapOf map) {
            return map.keys().stream().allMatch(ExprParser::constant) && map.values().stream().allMatch(ExprParser::constant);
        }
        return expr instanceof Expr.Call call && call.name().startsWith("JS.") && call.args().stream().allMatch(ExprParser::constant);
    }

    /** {@code if(c, do: a, else: b)} or {@code if c, do: a, else: b}. */
    private Expr ifExpression(Token token) {
        boolean parens = peek(0).is("(") && peek(0).start() == token.end();
        Token open = parens ? take() : null;
        Expr condition = expression();
        if (!takeIf(",")) {
            throw source.error(token.start(), "expected if(condition, do: value, else: value)");
        }
        Expr then = null;
        Expr otherwise = null;
        do {
            Token key = take();
            if (key.kind() != Kind.KEY || !(key.value().equals("do") || key.value().equals("else"))) {
                throw source.error(key.start(), "expected do: or else: in if, got " + describe(key));
            }
            Expr value = expression();
            if (key.value().equals("do")) {
                then = value;
            } else {
                otherwise = value;
            }
        } while (takeIf(","));
        if (then == null) {
            throw source.error(token.start(), "if needs a do: value");
        }
        if (parens) {
            expect(")", open);
        }
        return new Expr.If(token.start(), condition, then, otherwise);
    }

    private List<Expr> arguments(Token open) {
        List<Expr> args = new ArrayList<>();
        if (takeIf(")")) {
            return args;
        }
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        do {
            Token next = peek(0);
            if (next.kind() == Kind.KEY) {
                take();
                keys.add(new Expr.Literal(next.start(), next.value()));
                values.add(expression());
            } else if (!keys.isEmpty()) {
                throw source.error(next.start(), "keyword arguments go last");
            } else {
                args.add(expression());
            }
        } while (takeIf(","));
        expect(")", open);
        if (!keys.isEmpty()) {
            args.add(new Expr.MapOf(keys.get(0).pos(), keys, values));
        }
        return args;
    }

    private Expr list(Token open) {
        List<Expr> elements = new ArrayList<>();
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        if (!peek(0).is("]")) {
            do {
                if (peek(0).is("]")) {
                    break;
                }
                Token next = peek(0);
                if (next.kind() == Kind.KEY) {
                    take();
                    keys.add(new Expr.Literal(next.start(), next.value()));
                    values.add(expression());
                } else if (!keys.isEmpty()) {
                    throw source.error(next.start(), "keyword pairs go last in a list");
                } else {
                    elements.add(expression());
                }
            } while (takeIf(","));
        }
        expect("]", open);
        if (!keys.isEmpty()) {
            if (!elements.isEmpty()) {
                throw source.error(open.start(), "a list is either values or keyword pairs, not both");
            }
            return new Expr.MapOf(open.start(), keys, values);
        }
        return new Expr.ListOf(open.start(), List.copyOf(elements));
    }

    /** {@code {a, b}}: Elixir's tuple, a fixed list here (as {@code {a, b}} patterns match lists), e.g. {@code JS.transition({"ease", "a", "b"})}. */
    private Expr tuple(Token open) {
        List<Expr> elements = new ArrayList<>();
        if (!peek(0).is("}")) {
            do {
                elements.add(expression());
            } while (takeIf(","));
        }
        expect("}", open);
        return new Expr.ListOf(open.start(), List.copyOf(elements));
    }

    private Expr map(Token open) {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        if (!peek(0).is("}")) {
            do {
                if (peek(0).is("}")) {
                    break;
                }
                Token next = peek(0);
                if (next.kind() == Kind.KEY) {
                    take();
                    keys.add(new Expr.Literal(next.start(), next.value()));
                } else {
                    keys.add(expression());
                    Token arrow = take();
                    if (!arrow.is("=>")) {
                        throw source.error(arrow.start(), "expected => in a map, got " + describe(arrow));
                    }
                }
                values.add(expression());
            } while (takeIf(","));
        }
        expect("}", open);
        return new Expr.MapOf(open.start(), keys, values);
    }

    private Expr string(Token token) {
        List<Object> parts = new ArrayList<>();
        for (Object part : Token.parts(token)) {
            if (part instanceof Token.Interpolation range) {
                parts.add(parse(source, range.start(), range.end(), scope));
            } else {
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            return new Expr.Literal(token.start(), "");
        }
        if (parts.size() == 1 && parts.get(0) instanceof String literal) {
            return new Expr.Literal(token.start(), literal);
        }
        return new Expr.Interpolation(token.start(), List.copyOf(parts));
    }

    /** {@code ~p"/users/#{id}?page=#{n}"}: split at the first literal {@code ?}, recorded for verification. */
    private Expr sigil(Token token) {
        List<Object> path = new ArrayList<>();
        List<Object> query = null;
        StringBuilder template = new StringBuilder();
        for (Object part : Token.parts(token)) {
            if (part instanceof Token.Interpolation range) {
                Expr expr = parse(source, range.start(), range.end(), scope);
                if (query != null) {
                    query.add(expr);
                } else {
                    path.add(expr);
                    template.append('\0');
                }
                continue;
            }
            String literal = (String) part;
            int q = query == null ? literal.indexOf('?') : -1;
            if (q >= 0) {
                if (q > 0) {
                    path.add(literal.substring(0, q));
                    template.append(literal, 0, q);
                }
                query = new ArrayList<>();
                if (q + 1 < literal.length()) {
                    query.add(literal.substring(q + 1));
                }
            } else if (query != null) {
                query.add(literal);
            } else {
                path.add(literal);
                template.append(literal);
            }
        }
        String written = token.text().substring(3, token.text().length() - 1);
        if (path.isEmpty() || !(path.get(0) instanceof String first) || !first.startsWith("/")) {
            throw source.error(token.start(), "paths must begin with /, got: ~p\"" + written + "\"");
        }
        VerifiedSigils.record(new VerifiedSigils.Recorded(source.name, source.line(token.start()), source.column(token.start()),
                written, verifiable(template.toString())));
        return new Expr.Sigil(token.start(), List.copyOf(path), query == null ? null : List.copyOf(query), false);
    }

    /** The path as {@code Router.verifies} reads it: a segment with an interpolation (marked \0) matches anything. */
    private static String verifiable(String marked) {
        List<String> segments = new ArrayList<>();
        for (String segment : marked.split("/", -1)) {
            segments.add(segment.indexOf('\0') >= 0 ? "{_}" : segment);
        }
        return String.join("/", segments);
    }

    private static boolean keyword(String name) {
        return switch (name) {
            case "do", "end", "else", "and", "or", "not", "in", "when", "true", "false", "nil", "fn", "if" -> true;
            default -> false;
        };
    }

    private Token peek(int index) {
        while (ahead.size() <= index) {
            ahead.add(lexer.next());
        }
        return ahead.get(index);
    }

    private Token take() {
        Token token = peek(0);
        ahead.remove(0);
        lastEnd = token.end();
        return token;
    }

    private boolean takeIf(String symbol) {
        if (peek(0).is(symbol)) {
            take();
            return true;
        }
        return false;
    }

    private void expect(String symbol, Token open) {
        Token token = take();
        if (!token.is(symbol)) {
            throw source.error(token.kind() == Kind.EOF ? open.start() : token.start(),
                    "expected " + symbol + (token.kind() == Kind.EOF ? " to close " + open.text() : ", got " + describe(token)));
        }
    }

    private static String describe(Token token) {
        return token.kind() == Kind.EOF ? "end of expression" : "'" + token.text() + "'";
    }
}
