package dev.kvlens.text;

import java.util.List;
import java.util.Locale;

/**
 * The in-app glossary ({@code dev/kvlens/i18n/glossary*.properties}): the terms a user meets in KV Lens and in
 * MLC-LLM's logs, worded from the rules MLC follows (engine {@code config.cc}, {@code paged_kv_cache.cc}). Toolkit-free,
 * so the Help view model, provenance tooltips and the first-run tour can all point at the same entry.
 */
public enum Glossary {
    WHY_ZERO("whyZero"),
    KV_CACHE("kvCache"),
    PAGED_KV("pagedKv"),
    MODES("modes"),
    BUDGET("budget"),
    UTILIZATION("utilization"),
    DEVICE_MEMORY("deviceMemory"),
    BATCH("batch"),
    CONTEXT("context"),
    CAPACITY("capacity"),
    PREFILL_CHUNK("prefillChunk"),
    TEMP_BUFFER("tempBuffer"),
    WORKSPACES("workspaces"),
    PHYSICAL("physical"),
    PROVENANCE("provenance"),
    BTP("btp"),
    DRAFT_MODELS("draftModels"),
    MLA("mla"),
    HYBRID("hybrid"),
    SLIDING_WINDOW("slidingWindow");

    private static final String BUNDLE = "dev.kvlens.i18n.glossary";

    private final String key;

    Glossary(String key) {
        this.key = key;
    }

    /** The stable name of the entry (an anchor: {@code glossary.<id>.title}). */
    public String id() {
        return key;
    }

    /** The term as a heading, in the current language. */
    public String title() {
        return text(Messages.locale(), "glossary." + key + ".title");
    }

    /** The explanation, in the current language. */
    public String body() {
        return text(Messages.locale(), "glossary." + key + ".body");
    }

    /** The related entries a reader is pointed to. */
    public List<Glossary> seeAlso() {
        return switch (this) {
            case WHY_ZERO -> List.of(PAGED_KV, TEMP_BUFFER, MODES);
            case KV_CACHE -> List.of(PAGED_KV, CAPACITY);
            case PAGED_KV -> List.of(CAPACITY, PHYSICAL);
            case MODES -> List.of(BATCH, CAPACITY, BUDGET);
            case BUDGET -> List.of(UTILIZATION, DEVICE_MEMORY, TEMP_BUFFER, WORKSPACES);
            case UTILIZATION -> List.of(BUDGET, DEVICE_MEMORY);
            case DEVICE_MEMORY -> List.of(BUDGET, PHYSICAL);
            case BATCH, CONTEXT -> List.of(CAPACITY, MODES);
            case CAPACITY -> List.of(MODES, CONTEXT, PAGED_KV, BTP);
            case PREFILL_CHUNK -> List.of(TEMP_BUFFER, WORKSPACES);
            case TEMP_BUFFER -> List.of(PREFILL_CHUNK, PROVENANCE);
            case WORKSPACES -> List.of(TEMP_BUFFER, PHYSICAL);
            case PHYSICAL -> List.of(PAGED_KV, HYBRID, DRAFT_MODELS);
            case PROVENANCE -> List.of(TEMP_BUFFER);
            case BTP -> List.of(BATCH, CAPACITY, PREFILL_CHUNK);
            case DRAFT_MODELS -> List.of(PHYSICAL, TEMP_BUFFER);
            case MLA, HYBRID, SLIDING_WINDOW -> List.of(KV_CACHE, PHYSICAL);
        };
    }

    /** A glossary or tour text ({@code tour.next}, {@code glossary.title} …) in the current language. */
    public static String text(String key, Object... args) {
        return Messages.format(BUNDLE, Messages.locale(), key, args);
    }

    static String text(Locale language, String key) {
        return Messages.format(BUNDLE, language, key);
    }
}
