package io.mlexp.record;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** The words of a node as a reader sees them: text and code spans, no markup, no raw HTML. */
final class PlainText extends AbstractVisitor {
    @SuppressWarnings("PMD.AvoidStringBufferField") // the visitor collects one node's text and is dropped with it
    private final StringBuilder text = new StringBuilder();

    private PlainText() {
    }

    static String of(Node node) {
        var visitor = new PlainText();
        node.accept(visitor);
        return visitor.text.toString();
    }

    @Override
    public void visit(Text node) {
        text.append(node.getLiteral());
    }

    @Override
    public void visit(Code node) {
        text.append(node.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak node) {
        text.append(' ');
    }

    @Override
    public void visit(HardLineBreak node) {
        text.append(' ');
    }
}
