package fr.preuve.server.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.preuve.core.config.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API tokens, in a JSON file readable by its owner only ({@code $PREUVE_HOME/tokens.json}). A token's secret is
 * shown once, when it is created; the file keeps its SHA-256 hash (the secrets are 256 random bits, so a fast hash is
 * enough). The server reads the file again when it changes, so {@code preuve token revoke} takes effect at once.
 */
public final class TokenStore {
    /** The prefix of every secret, so that a leaked one is recognisable in a log or a repository. */
    public static final String PREFIX = "pv_";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final TypeReference<List<TokenInfo>> LIST = new TypeReference<>() {
    };

    /** One token as the file keeps it: no secret. */
    public record TokenInfo(String name, Role role, String hash, String created, String revoked) {
        /** Whether the token is still accepted. */
        public boolean active() {
            return revoked == null;
        }
    }

    /** A token just created: its secret is never shown again. */
    public record Issued(TokenInfo info, String secret) {
        @Override
        public String toString() {
            return "Issued[" + info.name() + ", " + info.role().key() + ", secret=***]";
        }
    }

    private final Path file;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = Yaml.json().enable(SerializationFeature.INDENT_OUTPUT);
    private List<TokenInfo> tokens = List.of();
    private FileTime loaded;

    public TokenStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** Creates a token named {@code name}; the name must be new among the active tokens. */
    public synchronized Issued create(String name, Role role) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("token name '" + name + "' must be 1 to 64 letters, digits, '.', '_', '@'"
                    + " or '-', starting with a letter or digit");
        }
        List<TokenInfo> all = new ArrayList<>(read());
        if (all.stream().anyMatch(t -> t.active() && t.name().equals(name))) {
            throw new IllegalArgumentException("an active token is already named '" + name + "'; revoke it first or "
                    + "choose another name");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        TokenInfo info = new TokenInfo(name, role, hash(secret), clock.instant().toString(), null);
        all.add(info);
        write(all);
        return new Issued(info, secret);
    }

    /** Every token, revoked ones included, oldest first. */
    public synchronized List<TokenInfo> list() {
        return read();
    }

    /** Revokes the active token named {@code name}; false when there is none. */
    public synchronized boolean revoke(String name) {
        List<TokenInfo> all = new ArrayList<>(read());
        boolean found = false;
        for (int i = 0; i < all.size(); i++) {
            TokenInfo t = all.get(i);
            if (t.active() && t.name().equals(name)) {
                all.set(i, new TokenInfo(t.name(), t.role(), t.hash(), t.created(), clock.instant().toString()));
                found = true;
            }
        }
        if (found) {
            write(all);
        }
        return found;
    }

    /** The active token whose secret is {@code secret}. */
    public Optional<TokenInfo> find(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        return byHash(hash(secret));
    }

    /** The active token whose hash is {@code hash} (a session checks its token is still active). */
    public synchronized Optional<TokenInfo> byHash(String hash) {
        byte[] wanted = hash.getBytes(StandardCharsets.US_ASCII);
        TokenInfo match = null;
        for (TokenInfo t : read()) { // compares every hash in constant time
            if (MessageDigest.isEqual(wanted, t.hash().getBytes(StandardCharsets.US_ASCII)) && t.active()) {
                match = t;
            }
        }
        return Optional.ofNullable(match);
    }

    /** Whether any token is active. */
    public synchronized boolean any() {
        return read().stream().anyMatch(TokenInfo::active);
    }

    /** SHA-256 of a secret, in hexadecimal. */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private List<TokenInfo> read() {
        try {
            if (!Files.exists(file)) {
                tokens = List.of();
                loaded = null;
                return tokens;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(loaded)) {
                tokens = List.copyOf(json.readValue(file.toFile(), LIST));
                loaded = modified;
            }
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API tokens in " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(List<TokenInfo> all) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            Files.write(tmp, json.writeValueAsBytes(all));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tokens = List.copyOf(all);
            loaded = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the API tokens in " + file + ": " + e.getMessage(), e);
        }
    }
}
