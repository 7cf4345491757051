package io.greengate.suggestion.analysis.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.diff.ChangedFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Public methods a changed class inherits from superclasses whose source CI sent, that run one of the class's
 * changed overrides.
 */
final class Inheritance {

    private Inheritance() {
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
    static List<ChangedSymbol> inheritedEntries(ClassOrInterfaceDeclaration type, CompilationUnit unit,
                                                ChangedFile file, String packageName, List<String> imports,
                                                JavaSources context) {
        Set<String> changedOwn = type.getMethods().stream().filter(m -> ChangedLines.touched(m, file))
                .map(MethodDeclaration::getNameAsString).collect(Collectors.toSet());
        if (changedOwn.isEmpty()) {
            return List.of();
        }
        Set<String> declared = type.getMethods().stream().map(Inheritance::nameAndArity)
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
            Map<String, String> nested = TypeNames.nestedTypes(superclass.get().type());
            for (MethodDeclaration method : superclass.get().type().getMethods()) {
                calls.computeIfAbsent(method.getNameAsString(), n -> new HashSet<>()).addAll(
                        CallGraph.callsFrom(method, superclass.get().type(), superclass.get().type(), Map.of()));
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
            CallGraph.findChangedHelper(method.getNameAsString(), calls, changedOwn, new HashSet<>())
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
                            method.getParameters().stream().map(p -> TypeNames.parameter(p, nested)).toList(),
                            TypeNames.erased(method.getType(), nested)),
                    new ChangedSymbol.Facts(null, List.of(),
                            RoundTrips.inverses(method, entries, nested, reached::containsKey),
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
}
