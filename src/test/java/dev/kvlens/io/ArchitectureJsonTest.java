package dev.kvlens.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.architecture.ModelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved models (scenario files, user state) keep their experts, MLA, GatedDeltaNet, draft and vision details. */
class ArchitectureJsonTest {

    private static ModelDescription roundTrip(ModelDescription d) {
        ObjectNode node = Json.mapper().createObjectNode();
        ScenarioFiles.modelTree(node, d);
        return ScenarioFiles.readModel(new JsonFields("test.json", "", Json.parse("test.json", node.toString())));
    }

    @Test
    void everyPresetComesBackWithTheSameGeometry() {
        for (ModelDescription d : PresetCatalog.load().models()) {
            assertThat(roundTrip(d).geometry()).as(d.id()).isEqualTo(d.geometry());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ModelType.class)
    void everyRegistryFixtureComesBackWithTheSameGeometry(ModelType type) {
        String file = type.mlcName();
        ModelDescription d = new ModelDescription(file, file,
                HfConfigReader.defaults(file + ".json", Json.readResource("/hf-configs/" + file + ".json")).geometry(),
                java.util.Optional.empty(), PresetCatalog.load().defaultModel().compile(),
                PresetCatalog.load().defaultModel().chatConfig(), "test");
        assertThat(roundTrip(d).geometry()).isEqualTo(d.geometry());
    }

    @Test
    void aDenseModelWritesNoArchitectureBlock() {
        ObjectNode node = Json.mapper().createObjectNode();
        ScenarioFiles.modelTree(node, PresetCatalog.load().model("llama-3-8b").orElseThrow());
        assertThat(node.path("geometry").has("architecture")).isFalse();
    }
}
