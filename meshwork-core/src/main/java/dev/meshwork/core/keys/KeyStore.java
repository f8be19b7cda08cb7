package dev.meshwork.core.keys;

import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.daead.AesSivKey;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import dev.meshwork.core.spi.EngineException;
import dev.meshwork.spec.error.InvalidException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The keys that protect PII, in a home's {@code keys/} folder: per domain a Tink keyset for
 * deterministic encryption (AES-SIV, {@code <domain>.keyset.json}) and a 32-byte salt for hashing
 * ({@code <domain>.salt}), both made on first use and stored only wrapped by the {@link MasterKey}
 * ({@code MESH_MASTER_KEY}, {@code MESH_MASTER_KEY_FILE}, or a {@code keys/master.key} generated for
 * a new home as a development default). {@code master.check} tells a wrong master key from a
 * damaged file. Nothing is read before the first use, and no key is ever logged or put in a message.
 */
public final class KeyStore {

  public static final String MASTER_KEY_ENV = MasterKey.ENV;
  public static final String MASTER_KEY_FILE_ENV = MasterKey.FILE_ENV;

  private static final Pattern DOMAIN = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  private static final String CHECK = "master.check";
  private static final byte[] CHECK_TEXT = "meshwork master key".getBytes(StandardCharsets.UTF_8);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path folder;
  private final Map<String, String> environment;
  private final Map<String, DomainKeys> domains = new HashMap<>();
  private MasterKey master;

  /** A keystore over {@code folder} with the environment that may name the master key. */
  public KeyStore(Path folder, Map<String, String> environment) {
    this.folder = folder;
    this.environment = Map.copyOf(environment);
  }

  /** Deterministic encryption of {@code plaintext} with the domain's keyset, as base64; the domain name is the associated data. */
  public String encrypt(String domain, String plaintext) {
    try {
      byte[] sealed = keys(domain).aead().encryptDeterministically(plaintext.getBytes(StandardCharsets.UTF_8), ad(domain));
      return Base64.getEncoder().encodeToString(sealed);
    } catch (GeneralSecurityException e) {
      throw new EngineException("cannot encrypt a value of domain " + domain + ": " + e.getMessage(), e);
    }
  }

  /** The clear text of what {@link #encrypt} made for this domain. */
  public String decrypt(String domain, String ciphertext) {
    byte[] sealed;
    try {
      sealed = Base64.getDecoder().decode(ciphertext);
    } catch (IllegalArgumentException e) {
      throw new InvalidException("cannot decrypt a value of domain " + domain + ": it is not base64");
    }
    try {
      return new String(keys(domain).aead().decryptDeterministically(sealed, ad(domain)), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new InvalidException("cannot decrypt a value of domain " + domain
          + ": it was not encrypted with this domain's key");
    }
  }

  /** The domain's hash salt as 64 hex characters; hashes are SHA-256 of this text followed by the value. */
  public String saltHex(String domain) {
    return HexFormat.of().formatHex(keys(domain).salt());
  }

  /** The raw AES-SIV key of a domain, for tests that look for it on disk. */
  byte[] rawKey(String domain) {
    AesSivKey key = (AesSivKey) keys(domain).handle().getPrimary().getKey();
    return key.getKeyBytes().toByteArray(InsecureSecretKeyAccess.get());
  }

  private synchronized DomainKeys keys(String domain) {
    if (domain == null || !DOMAIN.matcher(domain).matches()) {
      throw new InvalidException("cannot find keys: '" + domain + "' is not a domain name");
    }
    DomainKeys known = domains.get(domain);
    if (known != null) {
      return known;
    }
    MasterKey wrapping = master();
    try {
      KeysetHandle handle = keyset(domain, wrapping);
      DomainKeys keys = new DomainKeys(handle,
          handle.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class), salt(domain, wrapping));
      domains.put(domain, keys);
      return keys;
    } catch (GeneralSecurityException e) {
      throw new InvalidException("cannot open the keys of domain " + domain + " in " + folder
          + ": they do not open with the master key (" + e.getClass().getSimpleName() + ")");
    }
  }

  private MasterKey master() {
    if (master != null) {
      return master;
    }
    Path check = folder.resolve(CHECK);
    boolean fresh = !Files.exists(check) && !holdsKeys();
    MasterKey key = MasterKey.locate(folder, environment, fresh);
    try {
      if (Files.exists(check)) {
        key.decrypt(Base64.getDecoder().decode(Files.readString(check).strip()), CHECK_TEXT);
      } else {
        write(check, Base64.getEncoder().encodeToString(key.encrypt(CHECK_TEXT, CHECK_TEXT)));
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new InvalidException("cannot open the keystore " + folder
          + ": the master key is not the one its keys were made with");
    } catch (IOException e) {
      throw new InvalidException("cannot open the keystore " + folder + ": " + e.getMessage());
    }
    master = key;
    return key;
  }

  private boolean holdsKeys() {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).anyMatch(n -> n.endsWith(".keyset.json") || n.endsWith(".salt"));
    } catch (IOException e) {
      throw new InvalidException("cannot list the keystore " + folder + ": " + e.getMessage());
    }
  }

  private KeysetHandle keyset(String domain, MasterKey wrapping) throws GeneralSecurityException {
    DeterministicAeadConfig.register();
    Path file = folder.resolve(domain + ".keyset.json");
    byte[] ad = ("meshwork/keyset/" + domain).getBytes(StandardCharsets.UTF_8);
    if (Files.exists(file)) {
      return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(readText(file), wrapping, ad);
    }
    KeysetHandle handle = KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV);
    writeText(file, TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handle, wrapping, ad));
    return handle;
  }

  private byte[] salt(String domain, MasterKey wrapping) throws GeneralSecurityException {
    Path file = folder.resolve(domain + ".salt");
    byte[] ad = ("meshwork/salt/" + domain).getBytes(StandardCharsets.UTF_8);
    if (Files.exists(file)) {
      try {
        return wrapping.decrypt(Base64.getDecoder().decode(readText(file).strip()), ad);
      } catch (IllegalArgumentException e) {
        throw new GeneralSecurityException("damaged salt file");
      }
    }
    byte[] salt = new byte[32];
    RANDOM.nextBytes(salt);
    writeText(file, Base64.getEncoder().encodeToString(wrapping.encrypt(salt, ad)));
    return salt;
  }

  private static byte[] ad(String domain) {
    return domain.getBytes(StandardCharsets.UTF_8);
  }

  private String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private void writeText(Path file, String text) {
    try {
      write(file, text);
    } catch (IOException e) {
      throw new EngineException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes a file of the keystore whole or not at all, readable by its owner only. */
  private void write(Path file, String text) throws IOException {
    Files.createDirectories(folder);
    Path temp = Files.createTempFile(folder, ".new-", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the folder's own permissions apply
      }
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private record DomainKeys(KeysetHandle handle, DeterministicAead aead, byte[] salt) {}
}
