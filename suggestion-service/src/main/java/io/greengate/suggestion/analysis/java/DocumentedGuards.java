package io.greengate.suggestion.analysis.java;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.javadoc.Javadoc;
import com.github.javaparser.javadoc.JavadocBlockTag;
import io.greengate.suggestion.analysis.ChangedSymbol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Guards only the Javadoc states, read from its English: {@code @throws X if <parameter> is null / negative / empty},
 * and {@code @return ... null if the input is null}.
 */
final class DocumentedGuards {

    private DocumentedGuards() {
    }

    private static final Pattern NULL_IF_NULL = Pattern.compile(
            "\\bnull (?:if|when|for) (?:(?:a |the )?null(?: \\w+)? input|(?:the )?(?:given |input )?(\\w+)(?: \\w+)? (?:is|was) null)\\b");

    /**
     * {@code @return ... null if null input} / {@code null if the given string is null}: the value a null argument
     * gets back, as the Javadoc promises it. The parameter is the one the text names, or the only reference one.
     */
    static Optional<ChangedSymbol.Guard> documentedNullReturn(MethodDeclaration method, Javadoc javadoc) {
        if (method.getType().isPrimitiveType() || method.getType().isVoidType()) {
            return Optional.empty();
        }
        Optional<JavadocBlockTag> returns = javadoc.getBlockTags().stream()
                .filter(t -> t.getType() == JavadocBlockTag.Type.RETURN).findFirst();
        if (returns.isEmpty()) {
            return Optional.empty();
        }
        String text = INLINE_TAG.matcher(returns.get().getContent().toText()).replaceAll("$1")
                .replaceAll("</?\\w+>", "").replaceAll("\\s+", " ").strip();
        Matcher promise = NULL_IF_NULL.matcher(text.toLowerCase(Locale.ROOT));
        if (!promise.find()) {
            return Optional.empty();
        }
        List<String> references = method.getParameters().stream()
                .filter(p -> !p.getType().isPrimitiveType() && !p.isVarArgs())
                .map(p -> p.getNameAsString()).toList();
        String named = promise.group(1) == null ? null : method.getParameters().stream()
                .map(p -> p.getNameAsString()).filter(n -> n.equalsIgnoreCase(promise.group(1))).findFirst()
                .orElse(null);
        String parameter = named != null && references.contains(named) ? named
                : references.size() == 1 && method.getParameters().size() == 1 ? references.get(0) : null;
        if (parameter == null) {
            return Optional.empty();
        }
        int line = method.getJavadocComment().flatMap(c -> c.getBegin()).map(p -> p.line).orElse(0);
        return Optional.of(new ChangedSymbol.Guard(parameter + " == null", null, line, "null", "@return " + text, null));
    }

    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|link|linkplain|literal)\\s+([^}]*)}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_]\\w*");
    /** Exceptions a test names without an import. */
    private static final Set<String> JAVA_LANG_EXCEPTIONS = Set.of("NullPointerException", "IllegalArgumentException",
            "IllegalStateException", "UnsupportedOperationException", "IndexOutOfBoundsException");

    /** Parameter types a documented "is negative" takes -1 for, and "is empty" an empty value for. */
    private static final Set<String> NUMBERS = Set.of("int", "long", "short", "Integer", "Long", "Short");
    private static final Set<String> EMPTIABLE = Set.of("String", "CharSequence", "List", "Set", "Map", "Collection");

    /**
     * {@code @throws X if <parameter> is null} (or "if either/any argument is null"), {@code ... is negative} and
     * {@code ... is empty}: the exception such an argument gets, as the Javadoc promises it. The parameter is the one
     * the text names; for "negative" and "empty" also the only parameter of a fitting type. Texts about elements,
     * contents or conditions the text only hints at, and exceptions a test could not name, are left out.
     */
    static List<ChangedSymbol.Guard> documentedGuards(MethodDeclaration method, Javadoc javadoc,
                                                      List<String> imports) {
        List<String> references = method.getParameters().stream()
                .filter(p -> !p.getType().isPrimitiveType() && !p.isVarArgs())
                .map(p -> p.getNameAsString()).toList();
        List<String> numbers = method.getParameters().stream()
                .filter(p -> NUMBERS.contains(p.getType().asString()) && !p.isVarArgs())
                .map(p -> p.getNameAsString()).toList();
        List<String> emptiable = method.getParameters().stream()
                .filter(p -> !p.isVarArgs() && (p.getType().isArrayType()
                        || p.getType().isClassOrInterfaceType() && EMPTIABLE.contains(p.getType().asClassOrInterfaceType().getNameAsString())))
                .map(p -> p.getNameAsString()).toList();
        List<String> parameters = method.getParameters().stream().map(p -> p.getNameAsString()).toList();
        int line = method.getJavadocComment().flatMap(c -> c.getBegin()).map(p -> p.line).orElse(0);
        List<ChangedSymbol.Guard> guards = new ArrayList<>();
        for (JavadocBlockTag tag : javadoc.getBlockTags()) {
            if (tag.getType() != JavadocBlockTag.Type.THROWS && tag.getType() != JavadocBlockTag.Type.EXCEPTION
                    || tag.getName().isEmpty() || !nameable(tag.getName().get(), imports)) {
                continue;
            }
            String text = INLINE_TAG.matcher(tag.getContent().toText()).replaceAll("$1").replace("&lt;", "<")
                    .replaceAll("\\s+", " ").strip();
            // a parameter named like a skip word (values, keys) is still a parameter
            String lower = WORD.matcher(text).replaceAll(w -> parameters.contains(w.group()) ? "parameter" : w.group())
                    .toLowerCase(Locale.ROOT);
            if (lower.matches(
                    ".*\\b(not null|non-null|contains?|elements?\\s+of|elements|entries|values|keys|given that|unless)\\b.*")) {
                continue;
            }
            List<String> named = new ArrayList<>();
            Matcher words = WORD.matcher(text);
            while (words.find()) {
                if (parameters.contains(words.group()) && !named.contains(words.group())) {
                    named.add(words.group());
                }
            }
            String condition;
            if (lower.matches(".*\\bnull\\b.*")) {
                List<String> mentioned = new ArrayList<>(named.stream().filter(references::contains).toList());
                if (mentioned.isEmpty() && lower.matches(".*\\b(either|any|all|both)\\b.*\\b(arguments?|parameters?|inputs?)\\b.*")) {
                    mentioned.addAll(references);
                }
                condition = mentioned.isEmpty() ? null
                        : mentioned.stream().map(name -> name + " == null").collect(Collectors.joining(" || "));
            } else if (lower.matches(".*(\\b(is|are) (zero or )?negative\\b|\\bparameter ?< ?0\\b|\\bless than (zero|0)\\b).*")) {
                condition = documentedParameter(named, numbers).map(name -> name + " < 0").orElse(null);
            } else if (lower.matches(".*\\b(is|are) empty\\b.*")) {
                condition = documentedParameter(named, emptiable).map(name -> name + ".isEmpty()").orElse(null);
            } else {
                condition = null;
            }
            if (condition != null) {
                guards.add(ChangedSymbol.Guard.documented(condition, tag.getName().get(), line,
                        "@throws " + tag.getName().get() + " " + text));
            }
        }
        return guards;
    }

    /** The first named parameter of a fitting type; when the text names none, the only one of a fitting type. */
    private static Optional<String> documentedParameter(List<String> named, List<String> fitting) {
        Optional<String> first = named.stream().filter(fitting::contains).findFirst();
        if (first.isPresent() || !named.isEmpty()) {
            return first;
        }
        return fitting.size() == 1 ? Optional.of(fitting.get(0)) : Optional.empty();
    }

    /** An exception the test can name: from java.lang, or imported by the source file. */
    private static boolean nameable(String exception, List<String> imports) {
        return JAVA_LANG_EXCEPTIONS.contains(exception)
                || imports.stream().anyMatch(i -> i.endsWith("." + exception + ";"));
    }
}
