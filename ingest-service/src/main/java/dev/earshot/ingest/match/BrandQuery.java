package dev.earshot.ingest.match;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A simple boolean query over whole words: {@code "quoted phrases"}, bare words, {@code AND},
 * {@code OR}, {@code NOT} (upper case, so the word "not" in a phrase stays a word), parentheses;
 * words side by side mean AND. Example: {@code "Northwind Coffee" OR (Northwind AND (latte OR barista)) NOT Traders}.
 * Length and nesting are bounded: the parser and the matcher recurse once per level, and a query
 * comes from a token holder or the catalog file, so ten thousand parentheses must be an error, not
 * a stack overflow.
 */
public final class BrandQuery {

    /** Longest query, in characters (a real one is a few dozen words). */
    public static final int MAX_LENGTH = 2_000;
    /** Deepest nesting of parentheses and NOTs together. */
    public static final int MAX_DEPTH = 32;

    private final Node root;

    private BrandQuery(Node root) {
        this.root = root;
    }

    /** @throws IllegalArgumentException saying where the query is malformed */
    public static BrandQuery parse(String query) {
        if (query.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the query is longer than " + MAX_LENGTH + " characters");
        }
        Parser parser = new Parser(tokenize(query));
        Node root = parser.or();
        if (parser.pos < parser.tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + parser.tokens.get(parser.pos).text + "'");
        }
        return new BrandQuery(root);
    }

    /** The terms that made the folded text match (for {@code matchedTerms}), or null when it does not match. */
    List<String> match(String folded) {
        Set<String> hits = new LinkedHashSet<>();
        return root.eval(folded, hits) ? new ArrayList<>(hits) : null;
    }

    private interface Node {
        boolean eval(String folded, Set<String> hits);
    }

    private record Term(String display, Pattern pattern) implements Node {
        public boolean eval(String folded, Set<String> hits) {
            boolean found = pattern.matcher(folded).find();
            if (found) {
                hits.add(display);
            }
            return found;
        }
    }

    private record And(List<Node> parts) implements Node {
        public boolean eval(String folded, Set<String> hits) {
            Set<String> mine = new LinkedHashSet<>();
            for (Node p : parts) {
                if (!p.eval(folded, mine)) {
                    return false;
                }
            }
            hits.addAll(mine);
            return true;
        }
    }

    private record Or(List<Node> parts) implements Node {
        public boolean eval(String folded, Set<String> hits) {
            boolean any = false;
            for (Node p : parts) {
                any |= p.eval(folded, hits); // no short cut: every matching alternative is reported
            }
            return any;
        }
    }

    private record Not(Node inner) implements Node {
        public boolean eval(String folded, Set<String> hits) {
            return !inner.eval(folded, new LinkedHashSet<>()); // what NOT finds is not a reason to match
        }
    }

    private record Token(String text, boolean quoted) {
        boolean is(String op) {
            return !quoted && text.equals(op);
        }
    }

    private static List<Token> tokenize(String query) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(new Token(String.valueOf(c), false));
                i++;
            } else if (c == '"') {
                int end = query.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("a quoted phrase is not closed");
                }
                String phrase = query.substring(i + 1, end).strip();
                if (phrase.isEmpty()) {
                    throw new IllegalArgumentException("empty quoted phrase");
                }
                tokens.add(new Token(phrase, true));
                i = end + 1;
            } else {
                int start = i;
                while (i < query.length() && !Character.isWhitespace(query.charAt(i)) && "()\"".indexOf(query.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new Token(query.substring(start, i), false));
            }
        }
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("the query is empty");
        }
        return tokens;
    }

    private static final class Parser {
        final List<Token> tokens;
        int pos;
        int depth;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Node or() {
            List<Node> parts = new ArrayList<>(List.of(and()));
            while (peek() != null && peek().is("OR")) {
                pos++;
                parts.add(and());
            }
            return parts.size() == 1 ? parts.get(0) : new Or(parts);
        }

        Node and() {
            List<Node> parts = new ArrayList<>(List.of(not()));
            while (peek() != null && !peek().is("OR") && !peek().is(")")) {
                if (peek().is("AND")) {
                    pos++;
                }
                parts.add(not());
            }
            return parts.size() == 1 ? parts.get(0) : new And(parts);
        }

        Node not() {
            if (peek() != null && peek().is("NOT")) {
                pos++;
                enter();
                Node inner = not();
                depth--;
                return new Not(inner);
            }
            return primary();
        }

        Node primary() {
            Token t = peek();
            if (t == null) {
                throw new IllegalArgumentException("the query ends where a term was expected");
            }
            pos++;
            if (t.is("(")) {
                enter();
                Node inner = or();
                depth--;
                if (peek() == null || !peek().is(")")) {
                    throw new IllegalArgumentException("a '(' is not closed");
                }
                pos++;
                return inner;
            }
            if (t.is(")") || t.is("AND") || t.is("OR")) {
                throw new IllegalArgumentException("'" + t.text + "' where a term was expected");
            }
            return new Term(TextFold.display(t.text), TextFold.wholeWords(t.text));
        }

        void enter() {
            if (++depth > MAX_DEPTH) {
                throw new IllegalArgumentException("parentheses and NOTs are nested more than " + MAX_DEPTH + " deep");
            }
        }

        Token peek() {
            return pos < tokens.size() ? tokens.get(pos) : null;
        }
    }
}
