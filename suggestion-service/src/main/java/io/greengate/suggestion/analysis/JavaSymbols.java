package io.greengate.suggestion.analysis;

import io.greengate.suggestion.analysis.java.JavaValues;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.javadoc.Javadoc;
import com.github.javaparser.javadoc.JavadocBlockTag;
import io.greengate.suggestion.diff.ChangedFile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Changed public methods of public top-level classes, read with JavaParser; also the public methods that reach a
 * changed non-public helper (the class's own, or inherited from a superclass whose source CI sent), and changed
 * enums and records.
 */
public final class JavaSymbols {

    private JavaSymbols() {
    }

    /**
     * @param context the Java files of the request (what CI sent, each parsed once): a superclass found there lends
     *                the changed class the public methods it inherits
     */
    static List<ChangedSymbol> changedIn(ChangedFile file, String source, JavaSources context) {
        Optional<CompilationUnit> parsed = context.of(file.path(), source);
        if (parsed.isEmpty()) {
            return List.of();
        }
        CompilationUnit unit = parsed.get();
        String packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        List<String> imports = unit.getImports().stream().filter(i -> !i.isStatic())
                .map(ImportDeclaration::toString).map(String::strip).toList();
        List<ChangedSymbol> symbols = new ArrayList<>();
        for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
            if (!type.isPublic() || type.isInterface() || !type.getTypeParameters().isEmpty() || !type.isTopLevelType()) {
                continue;
            }
            Map<String, String> known = knownValues(unit, type, file.path(), context);
            if (!type.isAbstract()) {
                symbols.addAll(publicMethods(type, unit, file, packageName, imports, context));
            }
            // after the public ones: when the cap bites, a reviewer gets cases of the class's own API first
            symbols.addAll(internalMethods(type, file, packageName, imports));
            symbols.replaceAll(s -> s.shape() != ChangedSymbol.Shape.ENUM && s.shape() != ChangedSymbol.Shape.RECORD
                    && s.owner() != null && (s.owner().equals(type.getNameAsString())
                    || s.owner().startsWith(type.getNameAsString() + ".")) && s.java().knownValues().isEmpty()
                    ? s.withDetails(s.java().withKnownValues(known)) : s);
        }
        symbols.addAll(changedTypes(unit, file, packageName, imports));
        return symbols;
    }

    /** The changed public methods of a public, concrete top-level class, and those it inherits. */
    private static List<ChangedSymbol> publicMethods(ClassOrInterfaceDeclaration type, CompilationUnit unit,
                                                     ChangedFile file, String packageName, List<String> imports,
                                                     JavaSources context) {
        List<ChangedSymbol> symbols = new ArrayList<>();
        Map<String, String> nested = nestedTypes(type);
        boolean constructible = type.getConstructors().isEmpty() || type.getConstructors().stream()
                .anyMatch(c -> c.isPublic() && c.getParameters().isEmpty());
        Map<String, String> reached = reachedThroughChangedHelpers(type, file);
        String thresholdType = thresholdConstructorType(type);
        FreshState fresh = constructible ? FreshState.of(type) : null;
        List<MethodDeclaration> callable = type.getMethods().stream()
                .filter(m -> m.isPublic() && !m.isAbstract() && m.getTypeParameters().isEmpty()
                        && m.getRange().isPresent())
                .toList();
        for (MethodDeclaration method : callable) {
            int start = method.getRange().get().begin.line;
            int end = method.getRange().get().end.line;
            boolean changed = file.touches(start, end);
            if (!changed && !reached.containsKey(method.getNameAsString())) {
                continue;
            }
            ChangedSymbol symbol = new ChangedSymbol(
                    new ChangedSymbol.Place(file.path(), "java", packageName, type.getNameAsString(), start, end),
                    method.getNameAsString(), ChangedSymbol.Shape.CALLABLE,
                    new ChangedSymbol.Call(method.isStatic() ? ChangedSymbol.Receiver.CLASS : ChangedSymbol.Receiver.INSTANCE,
                            constructible, method.getParameters().stream().map(p -> parameter(p, nested)).toList(),
                            erased(method.getType(), nested)),
                    new ChangedSymbol.Facts(method.getJavadocComment().map(c -> c.parse().toText()).orElse(null),
                            guards(method, imports, method.isStatic() ? null : fresh),
                            inverses(method, callable, nested, other -> touched(other, file)), null),
                    new ChangedSymbol.JavaDetails(imports, List.of(), thresholdType, earlyExits(method), Map.of()));
            symbols.add(changed ? symbol : symbol.reachedFrom(reached.get(method.getNameAsString())));
        }
        if (constructible) {
            symbols.addAll(inheritedEntries(type, unit, file, packageName, imports, context));
        }
        return symbols;
    }

    /**
     * Changed methods no other case kind reaches, which a test in the same package can call: the class's protected
     * and package-private ones (every non-private one of an abstract class), and those of its nested static classes.
     */
    private static List<ChangedSymbol> internalMethods(ClassOrInterfaceDeclaration type, ChangedFile file,
                                                       String packageName, List<String> imports) {
        Map<String, String> nested = nestedTypes(type);
        List<ChangedSymbol> symbols = new ArrayList<>();
        for (Map.Entry<String, ClassOrInterfaceDeclaration> entry : classesByPath(type).entrySet()) {
            String ownerPath = entry.getKey();
            ClassOrInterfaceDeclaration owner = entry.getValue();
            for (MethodDeclaration method : owner.getMethods()) {
                boolean publicSymbolAlready = owner == type && !type.isAbstract() && method.isPublic();
                if (publicSymbolAlready || method.isPrivate() || method.isAbstract()
                        || !method.getTypeParameters().isEmpty() || method.getRange().isEmpty() || !touched(method, file)) {
                    continue;
                }
                symbols.add(new ChangedSymbol(new ChangedSymbol.Place(file.path(), "java", packageName, ownerPath,
                        method.getRange().get().begin.line, method.getRange().get().end.line),
                        method.getNameAsString(), ChangedSymbol.Shape.INTERNAL,
                        new ChangedSymbol.Call(method.isStatic() ? ChangedSymbol.Receiver.CLASS : ChangedSymbol.Receiver.INSTANCE,
                                false, method.getParameters().stream().map(p -> parameter(p, nested)).toList(),
                                erased(method.getType(), nested)),
                        ChangedSymbol.Facts.NONE, ChangedSymbol.JavaDetails.of(imports)));
            }
        }
        return symbols;
    }

    /**
     * Public methods of the class that call, directly or through other methods of the class, a non-public method
     * whose lines changed, or a method or constructor of a type nested in the class whose lines changed: name → that
     * changed member ({@code head}, {@code Buffer.put}, {@code Buffer.<init>}). Their cases run the changed lines. A
     * call on a variable reaches a nested type's method when the variable is declared of that type (or a nested
     * subtype of it).
     */
    private static Map<String, String> reachedThroughChangedHelpers(ClassOrInterfaceDeclaration type, ChangedFile file) {
        Map<String, TypeDeclaration<?>> nested = new HashMap<>();
        type.findAll(TypeDeclaration.class).stream().filter(t -> t != type)
                .forEach(t -> nested.putIfAbsent(t.getNameAsString(), t));
        Map<String, Set<String>> calls = new HashMap<>();
        Set<String> changedHelpers = new HashSet<>();
        for (MethodDeclaration method : type.getMethods()) {
            calls.computeIfAbsent(method.getNameAsString(), n -> new HashSet<>())
                    .addAll(callsFrom(method, type, type, nested));
            if (!method.isPublic() && touched(method, file)) {
                changedHelpers.add(method.getNameAsString());
            }
        }
        for (TypeDeclaration<?> inner : nested.values()) {
            for (MethodDeclaration method : inner.getMethods()) {
                String key = inner.getNameAsString() + "." + method.getNameAsString();
                calls.computeIfAbsent(key, n -> new HashSet<>()).addAll(callsFrom(method, inner, type, nested));
                if (touched(method, file)) {
                    changedHelpers.add(key);
                }
            }
            for (ConstructorDeclaration constructor : inner.getConstructors()) {
                String key = inner.getNameAsString() + ".<init>";
                calls.computeIfAbsent(key, n -> new HashSet<>()).addAll(callsFrom(constructor, inner, type, nested));
                if (touched(constructor, file)) {
                    changedHelpers.add(key);
                }
            }
        }
        Map<String, String> reached = new HashMap<>();
        for (MethodDeclaration method : type.getMethods()) {
            if (method.isPublic()) {
                findChangedHelper(method.getNameAsString(), calls, changedHelpers, new HashSet<>())
                        .ifPresent(helper -> reached.put(method.getNameAsString(), helper.endsWith(".<init>")
                                ? "the constructor of " + helper.substring(0, helper.length() - 7) : helper));
            }
        }
        return reached;
    }

    /**
     * The members a method or constructor calls, as keys of the call graph: a method of the top-level class by its
     * name, a nested type's method or constructor as {@code Type.name} / {@code Type.<init>}.
     */
    private static Set<String> callsFrom(Node callable, TypeDeclaration<?> enclosing, TypeDeclaration<?> topLevel,
                                         Map<String, TypeDeclaration<?>> nested) {
        Set<String> keys = new HashSet<>();
        Map<String, Optional<String>> declared = new HashMap<>(); // variable → its type, looked up once
        for (MethodCallExpr call : callable.findAll(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            if (call.getScope().isEmpty() || call.getScope().get().isThisExpr()) {
                String declaring = enclosing == topLevel ? null
                        : declaringNestedType(enclosing.getNameAsString(), name, nested);
                keys.add(declaring == null ? name : declaring + "." + name);
            } else if (!nested.isEmpty() && call.getScope().get() instanceof NameExpr variable) {
                declared.computeIfAbsent(variable.getNameAsString(), v -> declaredType(v, callable, enclosing, topLevel))
                        .filter(nested::containsKey)
                        .map(t -> declaringNestedType(t, name, nested))
                        .ifPresent(declaring -> keys.add(declaring + "." + name));
            }
        }
        for (ObjectCreationExpr creation : callable.findAll(ObjectCreationExpr.class)) {
            if (nested.containsKey(creation.getType().getNameAsString())) {
                keys.add(creation.getType().getNameAsString() + ".<init>");
            }
        }
        return keys;
    }

    /** The nested type (this one or a nested supertype) that declares the method, or null. */
    private static String declaringNestedType(String typeName, String method, Map<String, TypeDeclaration<?>> nested) {
        Set<String> seen = new HashSet<>();
        TypeDeclaration<?> type = nested.get(typeName);
        while (type != null && seen.add(type.getNameAsString())) {
            if (!type.getMethodsByName(method).isEmpty()) {
                return type.getNameAsString();
            }
            type = type instanceof ClassOrInterfaceDeclaration c && !c.getExtendedTypes().isEmpty()
                    ? nested.get(c.getExtendedTypes(0).getNameAsString()) : null;
        }
        return null;
    }

    /** The simple type name a variable is declared with: a local or parameter of the callable, else a field. */
    private static Optional<String> declaredType(String variable, Node callable, TypeDeclaration<?> enclosing,
                                                 TypeDeclaration<?> topLevel) {
        Optional<String> local = callable.findAll(VariableDeclarator.class).stream()
                .filter(v -> v.getNameAsString().equals(variable)).findFirst()
                .map(v -> v.getType().isVarType() ? v.getInitializer().filter(Expression::isObjectCreationExpr)
                        .map(i -> i.asObjectCreationExpr().getType().getNameAsString()).orElse(null)
                        : simpleTypeName(v.getType()));
        if (local.isPresent()) {
            return local;
        }
        Optional<String> parameter = callable.findAll(Parameter.class).stream()
                .filter(p -> p.getNameAsString().equals(variable)).findFirst().map(p -> simpleTypeName(p.getType()));
        if (parameter.isPresent()) {
            return parameter;
        }
        for (TypeDeclaration<?> owner : List.of(enclosing, topLevel)) {
            Optional<String> field = owner.getFields().stream().flatMap(f -> f.getVariables().stream())
                    .filter(v -> v.getNameAsString().equals(variable)).findFirst().map(v -> simpleTypeName(v.getType()));
            if (field.isPresent()) {
                return field;
            }
        }
        return Optional.empty();
    }

    private static String simpleTypeName(Type type) {
        return type.isClassOrInterfaceType() ? type.asClassOrInterfaceType().getNameAsString() : null;
    }

    private static Optional<String> findChangedHelper(String method, Map<String, Set<String>> calls,
                                                      Set<String> changedHelpers, Set<String> seen) {
        if (!seen.add(method)) {
            return Optional.empty();
        }
        for (String callee : calls.getOrDefault(method, Set.of())) {
            if (changedHelpers.contains(callee)) {
                return Optional.of(callee);
            }
            Optional<String> deeper = findChangedHelper(callee, calls, changedHelpers, seen);
            if (deeper.isPresent()) {
                return deeper;
            }
        }
        return Optional.empty();
    }

    /** The type of a public constructor's only parameter when it is an int or Integer named a threshold, or null. */
    private static String thresholdConstructorType(ClassOrInterfaceDeclaration type) {
        return type.getConstructors().stream()
                .filter(c -> c.isPublic() && c.getParameters().size() == 1)
                .map(c -> c.getParameter(0))
                .filter(p -> p.getNameAsString().toLowerCase(Locale.ROOT).contains("threshold")
                        && List.of("int", "Integer").contains(p.getType().asString()))
                .map(p -> p.getType().asString()).findFirst().orElse(null);
    }

    private static boolean touched(Node node, ChangedFile file) {
        return node.getRange().map(r -> file.touches(r.begin.line, r.end.line)).orElse(false);
    }

    /** How deep a chain of superclasses is followed through the files CI sent. */
    private static final int MAX_SUPERCLASSES = 4;

    /**
     * Public instance methods the class inherits (from superclasses whose source CI sent, not overridden on the
     * way) that call, directly or through the superclasses' other methods, a method whose lines changed in the
     * class: a template method running a changed override ({@code BaseNCodec.encode(byte[])} calling Base58's
     * {@code encode(byte[], int, int, Context)}). They are called on the changed class. Their guards and Javadoc
     * belong to the superclass and stay there; what the language promises (round trips, contracts) holds for them.
     */
    private static List<ChangedSymbol> inheritedEntries(ClassOrInterfaceDeclaration type, CompilationUnit unit,
                                                        ChangedFile file, String packageName, List<String> imports,
                                                        JavaSources context) {
        Set<String> changedOwn = type.getMethods().stream().filter(m -> touched(m, file))
                .map(MethodDeclaration::getNameAsString).collect(Collectors.toSet());
        if (changedOwn.isEmpty()) {
            return List.of();
        }
        Set<String> declared = type.getMethods().stream().map(JavaSymbols::nameAndArity)
                .collect(Collectors.toCollection(HashSet::new));
        Map<String, Set<String>> calls = new HashMap<>();
        List<MethodDeclaration> inherited = new ArrayList<>();
        Map<MethodDeclaration, Map<String, String>> nestedOf = new HashMap<>();
        ClassOrInterfaceDeclaration current = type;
        CompilationUnit currentUnit = unit;
        String currentPath = file.path();
        for (int depth = 0; depth < MAX_SUPERCLASSES; depth++) {
            Optional<Superclass> superclass = superclassOf(current, currentUnit, currentPath, context);
            if (superclass.isEmpty()) {
                break;
            }
            Map<String, String> nested = nestedTypes(superclass.get().type());
            for (MethodDeclaration method : superclass.get().type().getMethods()) {
                calls.computeIfAbsent(method.getNameAsString(), n -> new HashSet<>())
                        .addAll(callsFrom(method, superclass.get().type(), superclass.get().type(), Map.of()));
                // the lowest declaration wins: an override lower down hides this one
                if (declared.add(nameAndArity(method)) && method.isPublic() && !method.isStatic()
                        && !method.isAbstract() && method.getTypeParameters().isEmpty()) {
                    inherited.add(method);
                    nestedOf.put(method, nested);
                }
            }
            current = superclass.get().type();
            currentUnit = superclass.get().unit();
            currentPath = superclass.get().path();
        }
        Map<MethodDeclaration, String> reached = new HashMap<>();
        for (MethodDeclaration method : inherited) {
            findChangedHelper(method.getNameAsString(), calls, changedOwn, new HashSet<>())
                    .ifPresent(helper -> reached.put(method, helper));
        }
        int start = type.getRange().map(r -> r.begin.line).orElse(0);
        int end = type.getRange().map(r -> r.end.line).orElse(0);
        List<MethodDeclaration> entries = inherited.stream().filter(reached::containsKey).toList();
        List<ChangedSymbol> symbols = new ArrayList<>();
        for (MethodDeclaration method : entries) {
            Map<String, String> nested = nestedOf.get(method);
            symbols.add(new ChangedSymbol(
                    new ChangedSymbol.Place(file.path(), "java", packageName, type.getNameAsString(), start, end),
                    method.getNameAsString(), ChangedSymbol.Shape.CALLABLE,
                    new ChangedSymbol.Call(ChangedSymbol.Receiver.INSTANCE, true,
                            method.getParameters().stream().map(p -> parameter(p, nested)).toList(),
                            erased(method.getType(), nested)),
                    new ChangedSymbol.Facts(null, List.of(), inverses(method, entries, nested, reached::containsKey),
                            type.getNameAsString() + "'s override of " + reached.get(method)),
                    ChangedSymbol.JavaDetails.of(imports)));
        }
        return symbols;
    }

    private record Superclass(ClassOrInterfaceDeclaration type, CompilationUnit unit, String path) {
    }

    /**
     * The class's superclass, when CI sent its source: found by its import, or else in the same package, under the
     * same source root as the class's own file.
     */
    private static Optional<Superclass> superclassOf(ClassOrInterfaceDeclaration type, CompilationUnit unit,
                                                     String path, JavaSources context) {
        if (type.getExtendedTypes().isEmpty()) {
            return Optional.empty();
        }
        String name = type.getExtendedTypes(0).getNameWithScope();
        String simpleName = name.substring(name.lastIndexOf('.') + 1);
        String packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        String ownDirectory = packageName.replace('.', '/');
        int cut = path.lastIndexOf('/');
        String directory = cut < 0 ? "" : path.substring(0, cut);
        if (!directory.endsWith(ownDirectory)) {
            return Optional.empty();
        }
        String root = directory.substring(0, directory.length() - ownDirectory.length());
        String qualified = name.contains(".") ? name : unit.getImports().stream()
                .filter(i -> !i.isStatic() && !i.isAsterisk() && i.getNameAsString().endsWith("." + simpleName))
                .map(ImportDeclaration::getNameAsString).findFirst()
                .orElse(packageName.isEmpty() ? simpleName : packageName + "." + simpleName);
        String superPath = root + qualified.replace('.', '/') + ".java";
        return context.at(superPath).flatMap(superUnit -> superUnit.getTypes().stream()
                .filter(t -> t instanceof ClassOrInterfaceDeclaration c && !c.isInterface()
                        && t.getNameAsString().equals(simpleName))
                .map(t -> new Superclass((ClassOrInterfaceDeclaration) t, superUnit, superPath)).findFirst());
    }

    private static String nameAndArity(MethodDeclaration method) {
        return method.getNameAsString() + "/" + method.getParameters().size();
    }

    /** Types a round trip can start from with a value written in the test. */
    public static final Set<String> ROUND_TRIP_TYPES = Set.of("String", "CharSequence", "byte[]", "char[]", "int", "long");

    /**
     * Methods of the class with the same receiver that undo this one: one parameter each, this one's parameter
     * type is the other's return type and the other way round, the names pair by verb, and the round trip starts
     * from a type a test can write a value of.
     */
    private static List<ChangedSymbol.Inverse> inverses(MethodDeclaration method, List<MethodDeclaration> candidates,
                                                        Map<String, String> nested,
                                                        Predicate<MethodDeclaration> changed) {
        if (method.getParameters().size() != 1) {
            return List.of();
        }
        String takes = erased(method.getParameter(0).getType(), nested);
        String gives = erased(method.getType(), nested);
        List<ChangedSymbol.Inverse> found = new ArrayList<>();
        for (MethodDeclaration other : candidates) {
            if (other == method || other.getParameters().size() != 1 || other.isStatic() != method.isStatic()
                    || !erased(other.getParameter(0).getType(), nested).equals(gives)
                    || !erased(other.getType(), nested).equals(takes)) {
                continue;
            }
            Boolean forward = InversePairs.forward(method.getNameAsString(), other.getNameAsString());
            String start = Boolean.TRUE.equals(forward) ? takes : gives;
            if (forward == null || !ROUND_TRIP_TYPES.contains(start)) {
                continue;
            }
            found.add(new ChangedSymbol.Inverse(other.getNameAsString(), forward, changed.test(other)));
        }
        return found;
    }

    /**
     * Enums and records (top-level or nested in a type a test in the package can see) whose declaration the diff
     * touched. Records with a constructor of their own are left out: it may refuse or change what it is given.
     */
    private static List<ChangedSymbol> changedTypes(CompilationUnit unit, ChangedFile file, String packageName,
                                                    List<String> imports) {
        List<ChangedSymbol> types = new ArrayList<>();
        for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
            if (!(type instanceof EnumDeclaration || type instanceof RecordDeclaration) || type.getRange().isEmpty()
                    || !touched(type, file) || !visibleToPackage(type)) {
                continue;
            }
            String enclosing = enclosingPath(type);
            int start = type.getRange().get().begin.line;
            int end = type.getRange().get().end.line;
            String javadoc = type.getJavadocComment().map(c -> c.parse().toText()).orElse(null);
            if (type instanceof EnumDeclaration enumType) {
                List<String> constants = enumType.getEntries().stream().map(e -> e.getNameAsString()).toList();
                if (!constants.isEmpty()) {
                    types.add(new ChangedSymbol(
                            new ChangedSymbol.Place(file.path(), "java", packageName, enclosing, start, end),
                            type.getNameAsString(), ChangedSymbol.Shape.ENUM,
                            new ChangedSymbol.Call(ChangedSymbol.Receiver.CLASS, false, List.of(), null),
                            new ChangedSymbol.Facts(javadoc, List.of(), List.of(), null),
                            new ChangedSymbol.JavaDetails(imports, constants, null, List.of(), Map.of())));
                }
            } else if (type instanceof RecordDeclaration record && record.getTypeParameters().isEmpty()
                    && record.getConstructors().isEmpty() && record.getCompactConstructors().isEmpty()
                    && !overridesWhatRecordsPromise(record)) {
                Map<String, String> nested = nestedTypes(record);
                types.add(new ChangedSymbol(
                        new ChangedSymbol.Place(file.path(), "java", packageName, enclosing, start, end),
                        type.getNameAsString(), ChangedSymbol.Shape.RECORD,
                        new ChangedSymbol.Call(ChangedSymbol.Receiver.INSTANCE, true,
                                record.getParameters().stream().map(p -> parameter(p, nested)).toList(), null),
                        new ChangedSymbol.Facts(javadoc, List.of(), List.of(), null), ChangedSymbol.JavaDetails.of(imports)));
            }
        }
        return types;
    }

    /**
     * Values of the file's own types that a test in the same package can write: each enum's first constant, and an
     * instance of the class and of each nested static class: {@code new Owner()}, a shared instance it offers
     * ({@code CSVFormat.DEFAULT}), a factory of the class ({@code GitIdentifiers.treeIdBuilder(digest)}), or its
     * constructor with the fewest parameters, all of which have ordinary values.
     */
    private static Map<String, String> knownValues(CompilationUnit unit, ClassOrInterfaceDeclaration type,
                                                   String file, JavaSources context) {
        Map<String, String> known = new HashMap<>(packageValues(type, file, context));
        for (EnumDeclaration declared : unit.findAll(EnumDeclaration.class)) {
            if (!declared.getEntries().isEmpty() && visibleToPackage(declared)) {
                String enclosing = enclosingPath(declared);
                String name = enclosing == null ? declared.getNameAsString() : enclosing + "." + declared.getNameAsString();
                known.put(name, name + "." + declared.getEntries().get(0).getNameAsString());
            }
        }
        Map<String, String> nested = nestedTypes(type);
        classesByPath(type).forEach((path, declared) ->
                instanceOf(declared, path, type, nested, known).ifPresent(expression -> known.put(path, expression)));
        return known;
    }

    /**
     * The class and the nested static classes a test in its package can use, by the name the test writes
     * ({@code GitIdentifiers.TreeIdBuilder}), the class first.
     */
    private static Map<String, ClassOrInterfaceDeclaration> classesByPath(ClassOrInterfaceDeclaration type) {
        Map<String, ClassOrInterfaceDeclaration> classes = new java.util.LinkedHashMap<>();
        classes.put(type.getNameAsString(), type);
        type.findAll(ClassOrInterfaceDeclaration.class).stream()
                .filter(inner -> inner != type && inner.isStatic() && !inner.isInterface()
                        && inner.getTypeParameters().isEmpty() && visibleToPackage(inner))
                .forEach(inner -> classes.put(enclosingPath(inner) + "." + inner.getNameAsString(), inner));
        return classes;
    }

    /**
     * Values of the types the class's constructors and methods take that live in the same package, read from the
     * files CI sent ({@code CSVFormat.DEFAULT} for {@code new CSVPrinter(Appendable, CSVFormat)}): an enum's first
     * constant, or an instance as {@link #instanceOf} finds one.
     */
    private static Map<String, String> packageValues(ClassOrInterfaceDeclaration type, String path,
                                                     JavaSources context) {
        String directory = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        Set<String> names = new java.util.TreeSet<>();
        type.findAll(Parameter.class).forEach(p -> {
            if (p.getType().isClassOrInterfaceType() && p.getType().asClassOrInterfaceType().getScope().isEmpty()) {
                names.add(p.getType().asClassOrInterfaceType().getNameAsString());
            }
        });
        Map<String, String> values = new HashMap<>();
        for (String name : names) {
            if (name.equals(type.getNameAsString())) {
                continue;
            }
            Optional<CompilationUnit> unit = context.at(directory + name + ".java");
            Optional<TypeDeclaration<?>> declared = unit.flatMap(u -> u.getTypes().stream()
                    .filter(t -> t.getNameAsString().equals(name)).findFirst());
            if (declared.isEmpty()) {
                continue;
            }
            if (declared.get() instanceof EnumDeclaration e && !e.getEntries().isEmpty()) {
                values.put(name, name + "." + e.getEntries().get(0).getNameAsString());
            } else if (declared.get() instanceof ClassOrInterfaceDeclaration c && !c.isInterface()
                    && c.getTypeParameters().isEmpty()) {
                instanceOf(c, name, c, nestedTypes(c), Map.of()).ifPresent(v -> values.put(name, v));
            }
        }
        return values;
    }

    private static Optional<String> instanceOf(ClassOrInterfaceDeclaration declared, String path,
                                               ClassOrInterfaceDeclaration topLevel, Map<String, String> nested,
                                               Map<String, String> known) {
        if (!declared.isAbstract() && (declared.getConstructors().isEmpty() || declared.getConstructors().stream()
                .anyMatch(c -> !c.isPrivate() && c.getParameters().isEmpty()))) {
            return Optional.of("new " + path + "()");
        }
        Set<ClassOrInterfaceDeclaration> holders = new java.util.LinkedHashSet<>(List.of(declared, topLevel));
        for (ClassOrInterfaceDeclaration holder : holders) {
            String holderPath = holder == declared ? path : topLevel.getNameAsString();
            Optional<String> shared = holder.getFields().stream().filter(f -> !f.isPrivate() && f.isStatic() && f.isFinal())
                    .flatMap(f -> f.getVariables().stream())
                    .filter(v -> erased(v.getType(), nested).equals(path))
                    .map(v -> holderPath + "." + v.getNameAsString()).findFirst();
            if (shared.isPresent()) {
                return shared;
            }
        }
        for (ClassOrInterfaceDeclaration holder : holders) {
            String holderPath = holder == declared ? path : topLevel.getNameAsString();
            Optional<String> made = holder.getMethods().stream()
                    .filter(m -> m.isStatic() && !m.isPrivate() && m.getTypeParameters().isEmpty()
                            && erased(m.getType(), nested).equals(path))
                    .sorted(Comparator.comparingInt(m -> m.getParameters().size()))
                    .map(m -> arguments(m.getParameters(), nested, known).map(a -> holderPath + "." + m.getNameAsString() + a))
                    .flatMap(Optional::stream).findFirst();
            if (made.isPresent()) {
                return made;
            }
        }
        if (declared.isAbstract()) {
            return Optional.empty();
        }
        return declared.getConstructors().stream().filter(c -> !c.isPrivate())
                .sorted(Comparator.comparingInt(c -> c.getParameters().size()))
                .map(c -> arguments(c.getParameters(), nested, known).map(a -> "new " + path + a))
                .flatMap(Optional::stream).findFirst();
    }

    /** {@code (v1, v2)}: an ordinary value (or a new sink) for each parameter, or empty when one has none. */
    private static Optional<String> arguments(NodeList<Parameter> parameters, Map<String, String> nested,
                                              Map<String, String> known) {
        List<String> values = new ArrayList<>();
        for (Parameter p : parameters) {
            String type = erased(p.getType(), nested) + (p.isVarArgs() ? "[]" : "");
            Optional<String> value = JavaValues.of(type, p.getType().asString(), known).or(() -> JavaValues.sink(type));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        return Optional.of("(" + String.join(", ", values) + ")");
    }

    /** An accessor, equals or hashCode of its own may change what the record gives back or how it compares. */
    private static boolean overridesWhatRecordsPromise(RecordDeclaration record) {
        Set<String> components = new HashSet<>(record.getParameters().stream().map(p -> p.getNameAsString()).toList());
        return record.getMethods().stream().anyMatch(m -> m.getParameters().isEmpty()
                && (components.contains(m.getNameAsString()) || m.getNameAsString().equals("hashCode"))
                || m.getNameAsString().equals("equals"));
    }

    private static boolean visibleToPackage(TypeDeclaration<?> type) {
        Node node = type;
        while (node != null) {
            if (node instanceof TypeDeclaration<?> declaration && declaration.isPrivate()) {
                return false;
            }
            if (node instanceof ClassOrInterfaceDeclaration declaration && declaration != type
                    && !declaration.getTypeParameters().isEmpty()) {
                return false;
            }
            node = node.getParentNode().orElse(null);
        }
        return true;
    }

    /** The enclosing types' names joined by dots (Outer.Inner), or null for a top-level type. */
    private static String enclosingPath(TypeDeclaration<?> type) {
        List<String> names = new ArrayList<>();
        Node node = type.getParentNode().orElse(null);
        while (node != null) {
            if (node instanceof TypeDeclaration<?> declaration) {
                names.add(0, declaration.getNameAsString());
            }
            node = node.getParentNode().orElse(null);
        }
        return names.isEmpty() ? null : String.join(".", names);
    }

    /** The guards the code states, then those only its Javadoc states (used when the code states none). */
    /**
     * @param fresh what a new instance holds (null for a static method or a class without a no-arg constructor):
     *              a guard on the object's state that holds for it is marked
     */
    private static List<ChangedSymbol.Guard> guards(MethodDeclaration method, List<String> imports, FreshState fresh) {
        List<ChangedSymbol.Guard> guards = new ArrayList<>(codeGuards(method, fresh));
        Optional<Javadoc> javadoc = method.getJavadoc(); // parsed once for both readers
        if (javadoc.isPresent()) {
            guards.addAll(documentedGuards(method, javadoc.get(), imports));
            documentedNullReturn(method, javadoc.get()).ifPresent(guards::add);
        }
        return guards;
    }

    private static final Pattern NULL_IF_NULL = Pattern.compile(
            "\\bnull (?:if|when|for) (?:(?:a |the )?null(?: \\w+)? input|(?:the )?(?:given |input )?(\\w+)(?: \\w+)? (?:is|was) null)\\b");

    /**
     * {@code @return ... null if null input} / {@code null if the given string is null}: the value a null argument
     * gets back, as the Javadoc promises it. The parameter is the one the text names, or the only reference one.
     */
    private static Optional<ChangedSymbol.Guard> documentedNullReturn(MethodDeclaration method, Javadoc javadoc) {
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
    private static List<ChangedSymbol.Guard> documentedGuards(MethodDeclaration method, Javadoc javadoc,
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

    /** A leading {@code if} without {@code else}, with what it does (a lone statement in braces unwrapped). */
    private record LeadingIf(IfStmt statement, Statement then) {
    }

    /** The method's leading {@code if} statements without {@code else}, up to the first other statement. */
    private static List<LeadingIf> leadingIfs(MethodDeclaration method) {
        List<LeadingIf> ifs = new ArrayList<>();
        for (Statement statement : method.getBody().map(BlockStmt::getStatements).orElse(new NodeList<>())) {
            if (!(statement instanceof IfStmt guard) || guard.getElseStmt().isPresent()) {
                break;
            }
            Statement then = guard.getThenStmt();
            if (then instanceof BlockStmt block && block.getStatements().size() == 1) {
                then = block.getStatement(0);
            }
            ifs.add(new LeadingIf(guard, then));
        }
        return ifs;
    }

    /** The conditions of the leading {@code if (condition) return ...;} statements (throw guards may come between). */
    private static List<String> earlyExits(MethodDeclaration method) {
        List<String> conditions = new ArrayList<>();
        for (LeadingIf leading : leadingIfs(method)) {
            if (leading.then() instanceof ReturnStmt) {
                conditions.add(leading.statement().getCondition().toString());
            } else if (!(leading.then() instanceof ThrowStmt)) {
                break;
            }
        }
        return conditions;
    }

    /** Leading {@code if (condition) throw new X(...)} and {@code if (condition) return <literal>} statements. */
    private static List<ChangedSymbol.Guard> codeGuards(MethodDeclaration method, FreshState fresh) {
        List<ChangedSymbol.Guard> guards = new ArrayList<>();
        for (LeadingIf leading : leadingIfs(method)) {
            IfStmt guard = leading.statement();
            int line = guard.getBegin().map(p -> p.line).orElse(0);
            if (leading.then() instanceof ReturnStmt returned
                    && returned.getExpression().filter(JavaSymbols::isLiteral).isPresent()) {
                guards.add(ChangedSymbol.Guard.returning(guard.getCondition().toString(),
                        returned.getExpression().get().toString(), line));
                continue;
            }
            if (!(leading.then() instanceof ThrowStmt thrown) || !thrown.getExpression().isObjectCreationExpr()) {
                break;
            }
            String exception = thrown.getExpression().asObjectCreationExpr().getType().getNameWithScope();
            Optional<String> freshState = fresh == null ? Optional.empty() : fresh.holds(guard.getCondition(),
                    method.getParameters().stream().map(p -> p.getNameAsString()).collect(Collectors.toSet()));
            guards.add(freshState.isPresent()
                    ? ChangedSymbol.Guard.onFreshState(guard.getCondition().toString(), exception, line, freshState.get())
                    : new ChangedSymbol.Guard(guard.getCondition().toString(), exception, line));
        }
        return guards;
    }

    private static final Set<String> EMPTY_VALUES = Set.of("Collections.emptyList()", "Collections.emptySet()",
            "Collections.emptyMap()", "List.of()", "Set.of()", "Map.of()", "Optional.empty()");

    /** An empty collection or optional a guard may return (as written in the source): a test checks isEmpty(). */
    public static boolean isEmptyValue(String expression) {
        return EMPTY_VALUES.contains(expression.startsWith("java.util.") ? expression.substring(10) : expression);
    }

    /**
     * null, true/false, a string or an integer literal (possibly negated), or an empty collection or optional: a value
     * a test can state as it is.
     */
    private static boolean isLiteral(Expression expression) {
        if (isEmptyValue(expression.toString())) {
            return true;
        }
        if (expression.isUnaryExpr() && expression.asUnaryExpr().getOperator() == UnaryExpr.Operator.MINUS) {
            expression = expression.asUnaryExpr().getExpression();
            return expression.isIntegerLiteralExpr() || expression.isLongLiteralExpr();
        }
        return expression.isNullLiteralExpr() || expression.isBooleanLiteralExpr() || expression.isStringLiteralExpr()
                || expression.isIntegerLiteralExpr() || expression.isLongLiteralExpr();
    }

    private static ChangedSymbol.Parameter parameter(Parameter parameter, Map<String, String> nested) {
        String type = erased(parameter.getType(), nested);
        return new ChangedSymbol.Parameter(parameter.getNameAsString(), parameter.isVarArgs() ? type + "[]" : type,
                null, parameter.isVarArgs(), parameter.getType().asString());
    }

    /**
     * The erased type as a test in the same package writes it: a type nested in the class ({@code Builder}) is
     * named through it ({@code Base58.Builder}), since the test class does not see it by its simple name.
     */
    private static String erased(Type type, Map<String, String> nested) {
        if (type.isClassOrInterfaceType()) {
            String name = type.asClassOrInterfaceType().getNameWithScope();
            int dot = name.indexOf('.');
            String first = dot < 0 ? name : name.substring(0, dot);
            return nested.containsKey(first) ? nested.get(first) + name.substring(first.length()) : name;
        }
        if (type.isArrayType()) {
            return erased(type.asArrayType().getComponentType(), nested) + "[]";
        }
        return type.asString();
    }

    /** Simple name → name through the top-level class, for every type declared inside it. */
    private static Map<String, String> nestedTypes(TypeDeclaration<?> topLevel) {
        Map<String, String> names = new HashMap<>();
        collectNested(topLevel, topLevel.getNameAsString(), names);
        return names;
    }

    private static void collectNested(TypeDeclaration<?> type, String path, Map<String, String> names) {
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof TypeDeclaration<?> inner) {
                String innerPath = path + "." + inner.getNameAsString();
                names.putIfAbsent(inner.getNameAsString(), innerPath);
                collectNested(inner, innerPath, names);
            }
        }
    }
}
