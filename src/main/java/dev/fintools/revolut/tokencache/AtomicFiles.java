package dev.fintools.revolut.tokencache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes files that hold tokens: owner-only from creation, and replaced in one step. */
final class AtomicFiles {
    private AtomicFiles() {}

    /**
     * Replaces the file's content atomically: the new content goes to a temporary file in the same folder (0600
     * from its creation), is flushed to disk, and is then moved over the file. A reader, or a crash at any moment,
     * sees either the old or the new content, never a mix.
     */
    static void write(Path file, byte[] content) throws IOException {
        Path folder = createFolder(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(folder, file.getFileName() + ".", ".tmp", ownerOnly("rw-------"));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        syncFolder(folder);
    }

    /** Creates the folder (0700 on POSIX file systems) if it is missing. */
    static Path createFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, ownerOnly("rwx------"));
        }
        return folder;
    }

    static FileAttribute<?>[] ownerOnly(String permissions) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0]; // Windows: the user profile's ACLs already keep other users out
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
        };
    }

    /** Makes the rename itself durable; not every platform can open a folder, which is then skipped. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; the move is still atomic there.
        }
    }
}
