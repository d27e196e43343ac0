package dev.kvlens.ui.chart;

/** The stacked segments of a memory bar, bottom to top, with the rules section each comes from. */
public enum Segment {
    PARAMETERS("§3.4", "Σ params ÷ pipeline stages"),
    TEMPORARY("§3.4", "max per-function temporary buffer × 2 (compile report: × 1)"),
    KV_AUX("§3.5", "(B+1)·88 + S·(q+1)·8 + S·d·(q+k)·4 + 48 MiB"),
    WORKSPACES("§3.5", "model S·4 + B·4 + (2S+B)·d·q·2  +  logit B·20 + B·V·16.125"),
    KV_PAGES("§3.5", "T × (d·k·L·4 + 1.25)");

    private final String section;
    private final String formula;

    Segment(String section, String formula) {
        this.section = section;
        this.formula = formula;
    }

    /** The section of mlc-memory-rules.md the formula comes from. */
    public String section() {
        return section;
    }

    /** The formula, in the rules' notation. */
    public String formula() {
        return formula;
    }
}
