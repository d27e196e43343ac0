package dev.kvlens.ui.help;

import dev.kvlens.text.Glossary;
import dev.kvlens.text.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Help ▸ Glossary opens on "why 0 MB", follows its links and the language switch. */
class GlossaryViewModelTest {

    private final GlossaryViewModel vm = new GlossaryViewModel();

    @AfterEach
    void english() {
        Language.set(Locale.ENGLISH);
    }

    @Test
    void opensOnTheQuestionUsersAskFirstAndFollowsItsLinks() {
        Language.set(Locale.ENGLISH);
        assertThat(vm.titleProperty().get()).isEqualTo("Why is the KV cache 0 MB at compile time?");
        assertThat(vm.seeAlsoProperty().get()).extracting(GlossaryViewModel.Entry::term)
                .containsExactly(Glossary.PAGED_KV, Glossary.TEMP_BUFFER, Glossary.MODES);
        vm.show(Glossary.TEMP_BUFFER);
        assertThat(vm.titleProperty().get()).isEqualTo("Temporary buffer (×2)");
        assertThat(vm.bodyProperty().get()).contains("multiplies it by 2");
        assertThat(vm.entriesProperty().get()).hasSize(Glossary.values().length);
    }

    @Test
    void everyTextFollowsTheLanguageSwitch() {
        Language.set(Locale.ENGLISH);
        vm.show(Glossary.UTILIZATION);
        Language.set(Locale.SIMPLIFIED_CHINESE);
        assertThat(vm.titleProperty().get()).isEqualTo("gpu_memory_utilization");
        assertThat(vm.bodyProperty().get()).startsWith("MLC 可以规划使用的设备显存比例");
        assertThat(vm.seeAlsoLabelProperty().getValue()).isEqualTo("另见：");
        assertThat(vm.entriesProperty().get().get(0).title()).isEqualTo("为什么编译时 KV 缓存是 0 MB？");
    }
}
