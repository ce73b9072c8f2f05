package io.mlexp.record;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlexp.util.Json;

/** Notebooks as Jupyter writes them (nbformat 4: sorted keys, sources as lists of lines, one-space indent). */
final class NotebookJson {
    private final ObjectNode root = Json.mapper().createObjectNode();
    private final ArrayNode cells = root.putArray("cells");

    NotebookJson markdown(String source) {
        return cell("markdown", source, false);
    }

    NotebookJson code(String source, String output) {
        var cell = cell("code", source, true);
        var outputs = (ArrayNode) cells.get(cells.size() - 1).get("outputs");
        var stream = outputs.addObject().put("name", "stdout").put("output_type", "stream");
        stream.putArray("text").add(output);
        return cell;
    }

    private NotebookJson cell(String type, String source, boolean code) {
        var cell = cells.addObject().put("cell_type", type);
        if (code) {
            cell.put("execution_count", 1);
        }
        cell.put("id", "c" + cells.size());
        cell.putObject("metadata");
        if (code) {
            cell.putArray("outputs");
        }
        var lines = cell.putArray("source");
        source.lines().forEach(line -> lines.add(line + "\n"));
        return this;
    }

    String json() {
        var metadata = root.putObject("metadata");
        metadata.putObject("kernelspec").put("display_name", "Python 3").put("language", "python").put("name", "python3");
        root.put("nbformat", 4).put("nbformat_minor", 5);
        try {
            return Json.pretty().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
