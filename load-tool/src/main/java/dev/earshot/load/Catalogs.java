package dev.earshot.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The catalog file a load run gives the services: brands with one recipient each, and its sources if any. */
final class Catalogs {

    private Catalogs() {
    }

    /** Brands {@code <prefix>-0 .. <prefix>-(n-1)}, named "<Prefix> i Coffee", mailing pr@<prefix>-i.example. */
    static String brands(String prefix, int n) {
        StringBuilder yaml = new StringBuilder();
        String display = Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1);
        for (int i = 0; i < n; i++) {
            yaml.append("  - id: ").append(prefix).append('-').append(i).append('\n')
                    .append("    name: ").append(display).append(' ').append(i).append(" Coffee\n")
                    .append("    terms: [\"").append(display).append(' ').append(i).append(" Coffee\"]\n")
                    .append("    recipients: [\"pr@").append(prefix).append('-').append(i).append(".example\"]\n");
        }
        return yaml.toString();
    }

    static Path write(Path dir, String... brandBlocks) throws IOException {
        return writeWithSources(dir, "sources: []\n", brandBlocks);
    }

    /** @param sources the {@code sources:} block */
    static Path writeWithSources(Path dir, String sources, String... brandBlocks) throws IOException {
        Path file = dir.resolve("earshot.yaml");
        Files.writeString(file, "operators: [\"ops@load.example\"]\nbrands:\n" + String.join("", brandBlocks) + sources);
        return file;
    }
}
