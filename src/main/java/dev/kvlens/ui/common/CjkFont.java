package dev.kvlens.ui.common;

import javafx.scene.Node;
import javafx.scene.text.Font;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses an installed font family for Chinese text. JavaFX's default-font fallback skips the OTC/CFF Noto
 * CJK files (toolchain notes), so in Chinese the view roots get a style class naming, in app.css, the first
 * CJK family that is actually installed. Popups and tooltips inherit it through their owners.
 */
public final class CjkFont {

    /** Families in order of preference, each with the app.css class that selects it. */
    private static final Map<String, String> CLASSES = new LinkedHashMap<>();

    static {
        CLASSES.put("Noto Sans CJK SC", "font-cjk-noto");
        CLASSES.put("Source Han Sans SC", "font-cjk-source-han");
        CLASSES.put("Noto Sans SC", "font-cjk-noto-sc");
        CLASSES.put("WenQuanYi Micro Hei", "font-cjk-wqy");
        CLASSES.put("Microsoft YaHei", "font-cjk-yahei");
        CLASSES.put("PingFang SC", "font-cjk-pingfang");
    }

    private static Optional<String> chosen;
    private static Optional<String> chosenFamily;

    private CjkFont() {
    }

    /** The style class for the first installed CJK family, if any (needs the toolkit). */
    public static synchronized Optional<String> styleClass() {
        if (chosen == null) {
            List<String> installed = Font.getFamilies();
            chosenFamily = CLASSES.keySet().stream().filter(installed::contains).findFirst();
            chosen = chosenFamily.map(CLASSES::get);
        }
        return chosen;
    }

    /**
     * A font for text drawn outside CSS (canvas labels): the CJK family in Chinese, so that it has the glyphs,
     * else the default family.
     */
    public static Font font(double size) {
        if (!I18n.CHINESE.equals(I18n.locale())) {
            return Font.font(size);
        }
        styleClass();
        return chosenFamily.map(family -> Font.font(family, size)).orElseGet(() -> Font.font(size));
    }

    /** Keeps a root node's CJK font class in step with the language, until the subscription ends. */
    public static javafx.util.Subscription follow(Node root) {
        // the installed families are listed only once Chinese is chosen: listing them costs start-up time
        return I18n.localeProperty().subscribe(locale -> {
            root.getStyleClass().removeAll(CLASSES.values());
            if (I18n.CHINESE.equals(locale)) {
                styleClass().ifPresent(root.getStyleClass()::add);
            }
        });
    }
}
