package dev.kvlens;

import dev.kvlens.app.Launcher;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The license files the jar ships in META-INF (the pom copies them next to our classes; shade keeps them and drops
 * the Jackson jars' own LICENSE and NOTICE). Expected texts come from the bundled jars themselves.
 */
class ThirdPartyNoticesTest {

    /** One class from each library shaded into the jar (mvn dependency:list -DincludeScope=runtime). */
    private static final List<String> BUNDLED = List.of(
            "javafx.beans.property.SimpleIntegerProperty",     // javafx-base
            "javafx.scene.Node",                               // javafx-graphics
            "javafx.scene.control.Button",                     // javafx-controls
            "javafx.embed.swing.SwingFXUtils",                 // javafx-swing
            "com.sun.glass.ui.monocle.MonoclePlatformFactory", // openjfx-monocle
            "org.controlsfx.control.PopOver",                  // controlsfx
            "com.fasterxml.jackson.core.JsonFactory",          // jackson-core
            "com.fasterxml.jackson.databind.ObjectMapper",     // jackson-databind
            "com.fasterxml.jackson.annotation.JsonProperty",   // jackson-annotations
            "picocli.CommandLine");                            // picocli

    private static final Pattern JAR_NAME = Pattern.compile("(.+?)-(\\d[^-]*)(-linux|-win|-mac|-mac-aarch64)?\\.jar");

    @Test
    void licenseIsTheApacheLicenseJacksonShipsToo() throws Exception {
        assertThat(ours("LICENSE")).isEqualTo(entry(jarOf("com.fasterxml.jackson.core.JsonFactory"), "META-INF/LICENSE"))
                .startsWith("\n                                 Apache License\n                           Version 2.0");
    }

    @Test
    void noticeReproducesJacksonsNotice() throws Exception {
        String jacksonNotice = entry(jarOf("com.fasterxml.jackson.core.JsonFactory"), "META-INF/NOTICE");
        assertThat(ours("NOTICE")).startsWith("KV Lens\n").contains(jacksonNotice);
        // databind's and annotations' NOTICE are dropped from the jar: each must be contained in core's
        assertThat(jacksonNotice)
                .contains(entry(jarOf("com.fasterxml.jackson.databind.ObjectMapper"), "META-INF/NOTICE"))
                .contains(entry(jarOf("com.fasterxml.jackson.annotation.JsonProperty"), "META-INF/NOTICE"));
    }

    @Test
    void thirdPartyListNamesEveryBundledLibraryAtItsVersion() throws Exception {
        String list = ours("THIRD-PARTY.md");
        for (String className : BUNDLED) {
            Path jar = jarOf(className);
            Matcher name = JAR_NAME.matcher(jar.getFileName().toString());
            assertThat(name.matches()).as(jar.toString()).isTrue();
            String row = list.lines().filter(l -> l.contains(":" + name.group(1) + "`")).findFirst().orElse("");
            assertThat(row).as("THIRD-PARTY.md row for " + name.group(1)).contains("| " + name.group(2) + " |");
        }
    }

    private static String ours(String name) throws IOException, URISyntaxException {
        Path classes = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.readString(classes.resolve("META-INF").resolve(name), StandardCharsets.UTF_8);
    }

    private static Path jarOf(String className) throws Exception {
        Class<?> c = Class.forName(className, false, ThirdPartyNoticesTest.class.getClassLoader());
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String entry(Path jar, String name) throws IOException {
        try (JarFile file = new JarFile(jar.toFile()); InputStream in = file.getInputStream(file.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
