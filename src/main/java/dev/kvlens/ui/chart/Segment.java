package dev.kvlens.ui.chart;

import dev.kvlens.text.Glossary;

/** The stacked segments of a memory bar, bottom to top, with MLC's formula and the glossary entry that explains it. */
public enum Segment {
    PARAMETERS(Glossary.PROVENANCE, "Σ params ÷ pipeline stages"),
    TEMPORARY(Glossary.TEMP_BUFFER, "max per-function temporary buffer × 2 (compile report: × 1)"),
    KV_AUX(Glossary.WORKSPACES, "(B+1)·88 + S·(q+1)·8 + S·d·(q+k)·4 + 48 MiB"),
    WORKSPACES(Glossary.WORKSPACES, "model S·4 + B·4 + (2S+B)·d·q·2  +  logit B·20 + B·V·16.125"),
    KV_PAGES(Glossary.PAGED_KV, "T × (d·k·L·4 + 1.25)");

    private final Glossary glossary;
    private final String formula;

    Segment(Glossary glossary, String formula) {
        this.glossary = glossary;
        this.formula = formula;
    }

    /** The glossary entry (Help ▸ Glossary) that explains this part of the memory. */
    public Glossary glossary() {
        return glossary;
    }

    /** The formula, in the notation of MLC's engine (config.cc). */
    public String formula() {
        return formula;
    }
}
