package dev.kvlens.ui.shell;

/** What the About box shows: supplied by the app, so the view does not read build resources. */
public record AboutInfo(String version, dev.kvlens.text.Phrase rules, String mlcCommit) {
}
