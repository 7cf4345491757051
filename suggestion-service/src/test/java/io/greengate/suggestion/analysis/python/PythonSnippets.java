package io.greengate.suggestion.analysis.python;

import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterPython;

import java.nio.charset.StandardCharsets;

/** Small Python sources for the analysis tests, parsed the way the analysis parses them. */
final class PythonSnippets {

    private PythonSnippets() {
    }

    /** The tree is kept with its root: its nodes live only as long as it does. */
    record Parsed(TSTree tree, PythonSource text) {

        TSNode root() {
            return tree.getRootNode();
        }

        /** The first function definition of that name, at any depth. */
        TSNode function(String name) {
            TSNode found = find(root(), name);
            if (found == null) {
                throw new AssertionError("no function " + name);
            }
            return found;
        }

        private TSNode find(TSNode node, String name) {
            if (node.getType().equals("function_definition")
                    && text.of(node.getChildByFieldName("name")).equals(name)) {
                return node;
            }
            for (TSNode child : PythonSyntax.namedChildren(node)) {
                TSNode found = find(child, name);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
    }

    static Parsed parse(String source) {
        TSParser parser = new TSParser();
        parser.setLanguage(new TreeSitterPython());
        return new Parsed(parser.parseString(null, source), new PythonSource(source.getBytes(StandardCharsets.UTF_8)));
    }
}
