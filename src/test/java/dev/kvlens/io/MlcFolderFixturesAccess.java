package dev.kvlens.io;

import java.io.IOException;
import java.nio.file.Path;

/** Opens {@link MlcFolderFixtures} to tests of other packages. */
public final class MlcFolderFixturesAccess {

    private MlcFolderFixturesAccess() {
    }

    public static Path weightsFolder(Path folder, String libraryJson) throws IOException {
        return MlcFolderFixtures.weightsFolder(folder, libraryJson, "tensor-cache.json");
    }
}
