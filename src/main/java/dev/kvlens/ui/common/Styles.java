package dev.kvlens.ui.common;

/** Style classes used by the views; the rules live in app.css. */
public final class Styles {

    public static final String STYLESHEET = "/dev/kvlens/app.css";

    public static final String KNOB = "knob";
    public static final String KNOB_TITLE = "knob-title";
    public static final String BADGE = "badge";
    public static final String BADGE_RUNTIME = "badge-runtime";
    public static final String BADGE_RECOMPILE = "badge-recompile";
    public static final String FIELD_INVALID = "field-invalid";
    public static final String SECTION_TITLE = "section-title";
    public static final String FORM_LABEL = "form-label";
    public static final String SCENARIO_PANEL = "scenario-panel";
    public static final String CHART_CARD = "chart-card";
    public static final String CHART_TITLE = "chart-title";
    public static final String CHART_SUBTITLE = "chart-subtitle";
    public static final String SELECTED_BAR_BACKDROP = "selected-bar-backdrop";
    public static final String BAR_ANNOTATION = "bar-annotation";
    public static final String BAR_ANNOTATION_FAIL = "bar-annotation-fail";
    public static final String BUDGET_LINE = "budget-line";
    public static final String GRID_LINE = "grid-line";
    public static final String DEVICE_LINE = "device-line";
    public static final String LEGEND_LINE_BUDGET = "legend-line-budget";
    public static final String LEGEND_LINE_DEVICE = "legend-line-device";
    public static final String STATUS = "status";
    public static final String VERDICT = "verdict";
    public static final String SCHEME_FITS = "scheme-fits";
    public static final String VERDICT_BADGE = "verdict-badge";
    public static final String VERDICT_SELECTED = "verdict-selected";
    public static final String STATUS_ERROR = "status-error";
    public static final String NOTE = "note";
    public static final String LOG_TEXT = "log-text";
    public static final String DROP_TARGET = "drop-target";

    private Styles() {
    }
}
