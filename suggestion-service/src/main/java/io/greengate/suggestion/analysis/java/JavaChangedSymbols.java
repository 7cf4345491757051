package io.greengate.suggestion.analysis.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.diff.ChangedFile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Changed public methods of public top-level classes, read with JavaParser; also the public methods that reach a
 * changed non-public helper (the class's own, or inherited from a superclass whose source CI sent), the changed
 * methods only a test in the same package can call, and changed enums and records. What {@code ChangeAnalyzer} calls
 * for a Java file; the other classes of this package each do one job for it.
 */
public final class JavaChangedSymbols {

    private JavaChangedSymbols() {
    }

    /**
     * @param context the Java files of the request (what CI sent, each parsed once): a superclass found there lends
     *                the changed class the public methods it inherits
     */
    public static List<ChangedSymbol> changedIn(ChangedFile file, String source, JavaSources context) {
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
            Map<String, String> known = KnownValues.knownValues(unit, type, file.path(), context);
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
        Map<String, String> nested = TypeNames.nestedTypes(type);
        boolean constructible = type.getConstructors().isEmpty() || type.getConstructors().stream()
                .anyMatch(c -> c.isPublic() && c.getParameters().isEmpty());
        Map<String, String> reached = CallGraph.reachedThroughChangedHelpers(type, file);
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
                            constructible,
                            method.getParameters().stream().map(p -> TypeNames.parameter(p, nested)).toList(),
                            TypeNames.erased(method.getType(), nested)),
                    new ChangedSymbol.Facts(method.getJavadocComment().map(c -> c.parse().toText()).orElse(null),
                            Guards.guards(method, imports, method.isStatic() ? null : fresh),
                            RoundTrips.inverses(method, callable, nested, other -> ChangedLines.touched(other, file)),
                            null),
                    new ChangedSymbol.JavaDetails(imports, List.of(), thresholdType, Guards.earlyExits(method),
                            Map.of()));
            symbols.add(changed ? symbol : symbol.reachedFrom(reached.get(method.getNameAsString())));
        }
        if (constructible) {
            symbols.addAll(Inheritance.inheritedEntries(type, unit, file, packageName, imports, context));
        }
        return symbols;
    }

    /**
     * Changed methods no other case kind reaches, which a test in the same package can call: the class's protected
     * and package-private ones (every non-private one of an abstract class), and those of its nested static classes.
     */
    private static List<ChangedSymbol> internalMethods(ClassOrInterfaceDeclaration type, ChangedFile file,
                                                       String packageName, List<String> imports) {
        Map<String, String> nested = TypeNames.nestedTypes(type);
        List<ChangedSymbol> symbols = new ArrayList<>();
        for (Map.Entry<String, ClassOrInterfaceDeclaration> entry : TypeNames.classesByPath(type).entrySet()) {
            String ownerPath = entry.getKey();
            ClassOrInterfaceDeclaration owner = entry.getValue();
            for (MethodDeclaration method : owner.getMethods()) {
                boolean publicSymbolAlready = owner == type && !type.isAbstract() && method.isPublic();
                if (publicSymbolAlready || method.isPrivate() || method.isAbstract()
                        || !method.getTypeParameters().isEmpty() || method.getRange().isEmpty()
                        || !ChangedLines.touched(method, file)) {
                    continue;
                }
                symbols.add(new ChangedSymbol(new ChangedSymbol.Place(file.path(), "java", packageName, ownerPath,
                        method.getRange().get().begin.line, method.getRange().get().end.line),
                        method.getNameAsString(), ChangedSymbol.Shape.INTERNAL,
                        new ChangedSymbol.Call(method.isStatic() ? ChangedSymbol.Receiver.CLASS : ChangedSymbol.Receiver.INSTANCE,
                                false,
                                method.getParameters().stream().map(p -> TypeNames.parameter(p, nested)).toList(),
                                TypeNames.erased(method.getType(), nested)),
                        ChangedSymbol.Facts.NONE, ChangedSymbol.JavaDetails.of(imports)));
            }
        }
        return symbols;
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

    /**
     * Enums and records (top-level or nested in a type a test in the package can see) whose declaration the diff
     * touched. Records with a constructor of their own are left out: it may refuse or change what it is given.
     */
    private static List<ChangedSymbol> changedTypes(CompilationUnit unit, ChangedFile file, String packageName,
                                                    List<String> imports) {
        List<ChangedSymbol> types = new ArrayList<>();
        for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
            if (!(type instanceof EnumDeclaration || type instanceof RecordDeclaration) || type.getRange().isEmpty()
                    || !ChangedLines.touched(type, file) || !TypeNames.visibleToPackage(type)) {
                continue;
            }
            String enclosing = TypeNames.enclosingPath(type);
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
                Map<String, String> nested = TypeNames.nestedTypes(record);
                types.add(new ChangedSymbol(
                        new ChangedSymbol.Place(file.path(), "java", packageName, enclosing, start, end),
                        type.getNameAsString(), ChangedSymbol.Shape.RECORD,
                        new ChangedSymbol.Call(ChangedSymbol.Receiver.INSTANCE, true,
                                record.getParameters().stream().map(p -> TypeNames.parameter(p, nested)).toList(),
                                null),
                        new ChangedSymbol.Facts(javadoc, List.of(), List.of(), null), ChangedSymbol.JavaDetails.of(imports)));
            }
        }
        return types;
    }

    /** An accessor, equals or hashCode of its own may change what the record gives back or how it compares. */
    private static boolean overridesWhatRecordsPromise(RecordDeclaration record) {
        Set<String> components = new HashSet<>(record.getParameters().stream().map(p -> p.getNameAsString()).toList());
        return record.getMethods().stream().anyMatch(m -> m.getParameters().isEmpty()
                && (components.contains(m.getNameAsString()) || m.getNameAsString().equals("hashCode"))
                || m.getNameAsString().equals("equals"));
    }
}
