package dev.kvlens.ui.help;

import dev.kvlens.text.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The first-run tour walks its five steps, says where it is, and ends on Done or Skip. */
class TourViewModelTest {

    private final TourViewModel vm = new TourViewModel();

    @AfterEach
    void english() {
        Language.set(Locale.ENGLISH);
    }

    @Test
    void walksFromTheModelPickerToTheMenusAndEndsOnDone() {
        Language.set(Locale.ENGLISH);
        vm.start();
        assertThat(vm.openProperty().get()).isTrue();
        assertThat(vm.step().anchorId()).isEqualTo("modelPicker");
        assertThat(vm.progressProperty().get()).isEqualTo("Step 1 of 5");
        assertThat(vm.atStartProperty().get()).isTrue();
        for (int i = 0; i < 4; i++) {
            assertThat(vm.nextTextProperty().get()).isEqualTo("Next");
            vm.next();
        }
        assertThat(vm.titleProperty().get()).isEqualTo("5 · Take it with you");
        assertThat(vm.nextTextProperty().get()).isEqualTo("Done");
        vm.back();
        assertThat(vm.step().anchorId()).isEqualTo("memoryChart");
        vm.next();
        vm.next();
        assertThat(vm.openProperty().get()).isFalse();
    }

    @Test
    void skipEndsItAnywhereAndEveryTextFollowsTheLanguage() {
        vm.start();
        vm.next();
        Language.set(Locale.SIMPLIFIED_CHINESE);
        assertThat(vm.titleProperty().get()).isEqualTo("2 · 选择 GPU");
        assertThat(vm.progressProperty().get()).isEqualTo("第 2 步，共 5 步");
        assertThat(vm.skipTextProperty().get()).isEqualTo("跳过导览");
        vm.skip();
        assertThat(vm.openProperty().get()).isFalse();
    }
}
