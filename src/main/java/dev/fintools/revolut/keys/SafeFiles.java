package dev.fintools.revolut.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes key files all or nothing: every file goes to a temporary file in its target folder first, created with its
 * final permissions (never widened and then narrowed with chmod), and is moved into place only when all are written.
 */
public final class SafeFiles {
    private static final String OWNER_ONLY = "rw-------";
    private static final String READABLE_BY_ALL = "rw-r--r--";

    /**
     * One file to write.
     *
     * @param path where it goes
     * @param text its content
     * @param ownerOnly whether only the owner may read it (0600 on POSIX), for keys and assertions
     */
    public record Content(Path path, String text, boolean ownerOnly) {
        @Override
        public String toString() {
            return "Content[" + path + "]";
        }
    }

    private SafeFiles() {}

    /**
     * Writes the files, or none of them.
     *
     * @param overwrite whether existing files may be replaced; when false and one exists, nothing is written
     * @throws KeyMaterialException naming the existing file, or the file that could not be written
     */
    public static void write(List<Content> files, boolean overwrite) {
        if (!overwrite) {
            refuseExisting(files);
        }
        List<Path> temporary = new ArrayList<>();
        try {
            for (Content file : files) {
                temporary.add(temporaryCopy(file));
            }
            for (int i = 0; i < files.size(); i++) {
                move(temporary.get(i), files.get(i).path(), overwrite);
            }
        } finally {
            temporary.forEach(SafeFiles::deleteQuietly);
        }
    }

    private static void refuseExisting(List<Content> files) {
        for (Content file : files) {
            if (Files.exists(file.path())) {
                throw new KeyMaterialException("Refusing to overwrite " + file.path() + ": it already exists, and"
                        + " a certificate uploaded to Revolut stops working when its key is replaced. Nothing was"
                        + " written. Use the existing files, choose another revolut.home, or set"
                        + " -Drevolut.overwrite=true to replace them.");
            }
        }
    }

    private static Path temporaryCopy(Content file) {
        Path folder = file.path().toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
            Path temporary = posix(folder)
                    ? Files.createTempFile(folder, ".revolut-", ".tmp", permissions(file))
                    : Files.createTempFile(folder, ".revolut-", ".tmp");
            Files.writeString(temporary, file.text(), StandardCharsets.US_ASCII);
            return temporary;
        } catch (IOException e) {
            throw new KeyMaterialException(
                    "Could not write " + file.path() + ": " + e.getMessage() + ". Nothing was written; check that"
                            + " the folder " + folder + " is writable.",
                    e);
        }
    }

    private static void move(Path temporary, Path target, boolean overwrite) {
        try {
            if (overwrite) {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(temporary, target);
            }
        } catch (FileAlreadyExistsException e) {
            throw new KeyMaterialException(
                    "Refusing to overwrite " + target + ": it appeared while the files were being written."
                            + " Set -Drevolut.overwrite=true to replace it.",
                    e);
        } catch (IOException e) {
            throw new KeyMaterialException("Could not move the new file into " + target + ": " + e.getMessage(), e);
        }
    }

    private static boolean posix(Path folder) {
        return folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Temporary files are owner-only by default; a certificate is public and others may read it (umask allowing). */
    private static FileAttribute<?> permissions(Content file) {
        return PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(file.ownerOnly() ? OWNER_ONLY : READABLE_BY_ALL));
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // A leftover temporary file holds no more than the target would; nothing else to do here.
        }
    }
}
