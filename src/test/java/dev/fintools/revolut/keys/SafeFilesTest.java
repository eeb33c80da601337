package dev.fintools.revolut.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeFilesTest {
    @TempDir
    Path folder;

    @Test
    void createsAnOwnerOnlyFileReadableByItsOwnerOnly() throws Exception {
        Path key = folder.resolve("sandbox/privatecert.pem");

        SafeFiles.write(List.of(new SafeFiles.Content(key, "key", true)), false);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        assertThat(key).hasContent("key");
    }

    @Test
    void letsOthersReadAFileThatIsNotOwnerOnly() throws Exception {
        Path certificate = folder.resolve("publiccert.cer");

        SafeFiles.write(List.of(new SafeFiles.Content(certificate, "certificate", false)), false);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certificate)))
                .startsWith("rw-r");
    }

    @Test
    void writesNothingWhenOneOfTheFilesExists() throws Exception {
        Path key = folder.resolve("privatecert.pem");
        Path certificate = Files.writeString(folder.resolve("publiccert.cer"), "old");

        KeyMaterialException e = assertThrows(
                KeyMaterialException.class,
                () -> SafeFiles.write(
                        List.of(
                                new SafeFiles.Content(key, "key", true),
                                new SafeFiles.Content(certificate, "new", false)),
                        false));

        assertThat(e).hasMessageStartingWith("Refusing to overwrite " + certificate + ": it already exists");
        assertThat(key).doesNotExist();
        assertThat(certificate).hasContent("old");
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(certificate);
        }
    }

    @Test
    void replacesExistingFilesWhenOverwriteIsSet() throws Exception {
        Path certificate = Files.writeString(folder.resolve("publiccert.cer"), "old");

        SafeFiles.write(List.of(new SafeFiles.Content(certificate, "new", false)), true);

        assertThat(certificate).hasContent("new");
    }
}
