package io.greengate.suggestion.analysis.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.Type;
import io.greengate.suggestion.analysis.ChangedSymbol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a test in the same package names a declared type: erased, nested types through the top-level class
 * ({@code Base58.Builder}), enclosing paths, and whether the package sees the type at all.
 */
final class TypeNames {

    private TypeNames() {
    }

    /**
     * The class and the nested static classes a test in its package can use, by the name the test writes
     * ({@code GitIdentifiers.TreeIdBuilder}), the class first.
     */
    static Map<String, ClassOrInterfaceDeclaration> classesByPath(ClassOrInterfaceDeclaration type) {
        Map<String, ClassOrInterfaceDeclaration> classes = new java.util.LinkedHashMap<>();
        classes.put(type.getNameAsString(), type);
        type.findAll(ClassOrInterfaceDeclaration.class).stream()
                .filter(inner -> inner != type && inner.isStatic() && !inner.isInterface()
                        && inner.getTypeParameters().isEmpty() && visibleToPackage(inner))
                .forEach(inner -> classes.put(enclosingPath(inner) + "." + inner.getNameAsString(), inner));
        return classes;
    }

    static boolean visibleToPackage(TypeDeclaration<?> type) {
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
    static String enclosingPath(TypeDeclaration<?> type) {
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

    static ChangedSymbol.Parameter parameter(Parameter parameter, Map<String, String> nested) {
        String type = erased(parameter.getType(), nested);
        return new ChangedSymbol.Parameter(parameter.getNameAsString(), parameter.isVarArgs() ? type + "[]" : type,
                null, parameter.isVarArgs(), parameter.getType().asString());
    }

    /**
     * The erased type as a test in the same package writes it: a type nested in the class ({@code Builder}) is
     * named through it ({@code Base58.Builder}), since the test class does not see it by its simple name.
     */
    static String erased(Type type, Map<String, String> nested) {
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
    static Map<String, String> nestedTypes(TypeDeclaration<?> topLevel) {
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
