package io.greengate.suggestion.analysis.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Values a test in the same package can write for the file's own types and the package types its methods take: enum
 * constants, and instances through a constructor, a shared instance or a factory.
 */
final class KnownValues {

    private KnownValues() {
    }

    /**
     * Values of the file's own types that a test in the same package can write: each enum's first constant, and an
     * instance of the class and of each nested static class: {@code new Owner()}, a shared instance it offers
     * ({@code CSVFormat.DEFAULT}), a factory of the class ({@code GitIdentifiers.treeIdBuilder(digest)}), or its
     * constructor with the fewest parameters, all of which have ordinary values.
     */
    static Map<String, String> knownValues(CompilationUnit unit, ClassOrInterfaceDeclaration type,
                                           String file, JavaSources context) {
        Map<String, String> known = new HashMap<>(packageValues(type, file, context));
        for (EnumDeclaration declared : unit.findAll(EnumDeclaration.class)) {
            if (!declared.getEntries().isEmpty() && TypeNames.visibleToPackage(declared)) {
                String enclosing = TypeNames.enclosingPath(declared);
                String name = enclosing == null ? declared.getNameAsString() : enclosing + "." + declared.getNameAsString();
                known.put(name, name + "." + declared.getEntries().get(0).getNameAsString());
            }
        }
        Map<String, String> nested = TypeNames.nestedTypes(type);
        TypeNames.classesByPath(type).forEach((path, declared) ->
                instanceOf(declared, path, type, nested, known).ifPresent(expression -> known.put(path, expression)));
        return known;
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
                instanceOf(c, name, c, TypeNames.nestedTypes(c), Map.of()).ifPresent(v -> values.put(name, v));
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
                    .filter(v -> TypeNames.erased(v.getType(), nested).equals(path))
                    .map(v -> holderPath + "." + v.getNameAsString()).findFirst();
            if (shared.isPresent()) {
                return shared;
            }
        }
        for (ClassOrInterfaceDeclaration holder : holders) {
            String holderPath = holder == declared ? path : topLevel.getNameAsString();
            Optional<String> made = holder.getMethods().stream()
                    .filter(m -> m.isStatic() && !m.isPrivate() && m.getTypeParameters().isEmpty()
                            && TypeNames.erased(m.getType(), nested).equals(path))
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
            String type = TypeNames.erased(p.getType(), nested) + (p.isVarArgs() ? "[]" : "");
            Optional<String> value = JavaValues.of(type, p.getType().asString(), known).or(() -> JavaValues.sink(type));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        return Optional.of("(" + String.join(", ", values) + ")");
    }
}
