package dev.kvlens.model.mlc;

import java.util.Objects;
import java.util.Optional;

/**
 * Where library metadata was read: a compiled MLC model library file (rules §2.1: TVM embeds the {@code _metadata} JSON
 * in every library), its packaging form, the target its device code is for, and the archive member that held the JSON.
 *
 * @param file    the library's file name, as the user knows it
 * @param form    how the library is packaged
 * @param target  the compile target the file tells ({@code cuda}, {@code rocm}, {@code vulkan}, {@code metal},
 *                {@code opencl}, {@code webgpu}, {@code android}, {@code iphone}), if it tells one
 * @param member  the archive member that held the metadata (bundles only)
 */
public record LibraryOrigin(String file, Form form, Optional<String> target, Optional<String> member) {

    /** Packaging forms of an MLC library, told apart by their first bytes, not their names. */
    public enum Form {
        SHARED_OBJECT("ELF shared library"),
        MACH_O("Mach-O library"),
        WINDOWS_DLL("Windows DLL"),
        WEBASSEMBLY("WebAssembly module"),
        STATIC_BUNDLE("tar of static libraries"),
        OTHER("binary file");

        private final String label;

        Form(String label) {
            this.label = label;
        }

        /** The form's name for people, in any language. */
        public dev.kvlens.text.Phrase phrase() {
            return dev.kvlens.text.Phrase.of("library.form." + name());
        }

        /** A short English name of the form. */
        public String label() {
            return label;
        }
    }

    public LibraryOrigin {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(member, "member");
    }
}
