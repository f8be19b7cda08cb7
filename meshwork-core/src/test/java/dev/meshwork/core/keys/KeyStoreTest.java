package dev.meshwork.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.spec.error.InvalidException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreTest {

  private static final byte[] MASTER = new byte[32];
  private static final String MASTER_TEXT;

  static {
    for (int i = 0; i < MASTER.length; i++) {
      MASTER[i] = (byte) (i * 7 + 3);
    }
    MASTER_TEXT = Base64.getEncoder().encodeToString(MASTER);
  }

  @TempDir
  Path dir;

  private KeyStore withMaster(String base64) {
    return new KeyStore(dir.resolve("keys"), Map.of(KeyStore.MASTER_KEY_ENV, base64));
  }

  @Test
  void encryptionIsDeterministicPerDomainAndDecrypts() {
    KeyStore keys = withMaster(MASTER_TEXT);
    String sealed = keys.encrypt("shop", "ana@example.com");
    assertThat(sealed).isNotEqualTo("ana@example.com").isEqualTo(keys.encrypt("shop", "ana@example.com"));
    assertThat(keys.encrypt("crm", "ana@example.com")).isNotEqualTo(sealed);
    assertThat(keys.decrypt("shop", sealed)).isEqualTo("ana@example.com");
    assertThat(keys.saltHex("shop")).hasSize(64).isNotEqualTo(keys.saltHex("crm"));
  }

  @Test
  void keysSurviveReopeningWithTheSameMasterKey() {
    KeyStore first = withMaster(MASTER_TEXT);
    String sealed = first.encrypt("shop", "4111111111111111");
    String salt = first.saltHex("shop");
    KeyStore second = withMaster(MASTER_TEXT);
    assertThat(second.decrypt("shop", sealed)).isEqualTo("4111111111111111");
    assertThat(second.encrypt("shop", "4111111111111111")).isEqualTo(sealed);
    assertThat(second.saltHex("shop")).isEqualTo(salt);
  }

  @Test
  void aWrongMasterKeyIsRefusedClearly() {
    withMaster(MASTER_TEXT).encrypt("shop", "x");
    byte[] other = MASTER.clone();
    other[0] ^= 1;
    KeyStore wrong = withMaster(Base64.getEncoder().encodeToString(other));
    assertThatThrownBy(() -> wrong.decrypt("shop", "AAAA"))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot open the keystore " + dir.resolve("keys") + ": the master key is not the one its keys were made with");
  }

  @Test
  void aMasterKeyOfTheWrongSizeOrAMissingOneIsRefused() {
    assertThatThrownBy(() -> withMaster("c2hvcnQ=").encrypt("shop", "x"))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot use the master key from MESH_MASTER_KEY: it must be the base64 of 32 bytes");
    withMaster(MASTER_TEXT).encrypt("shop", "x");
    assertThatThrownBy(() -> new KeyStore(dir.resolve("keys"), Map.of()).encrypt("shop", "x"))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot open the keystore " + dir.resolve("keys") + ": it holds keys but no master key; set "
            + "MESH_MASTER_KEY or MESH_MASTER_KEY_FILE to the master key they were made with");
  }

  @Test
  void aMasterKeyFileIsRead() throws IOException {
    Path file = dir.resolve("master.b64");
    Files.writeString(file, MASTER_TEXT + "\n");
    String sealed = new KeyStore(dir.resolve("keys"), Map.of(KeyStore.MASTER_KEY_FILE_ENV, file.toString())).encrypt("shop", "x");
    assertThat(withMaster(MASTER_TEXT).decrypt("shop", sealed)).isEqualTo("x");
  }

  @Test
  void aNewHomeWithoutMasterKeyGetsOneReadableByItsOwnerOnly() throws IOException {
    KeyStore keys = new KeyStore(dir.resolve("keys"), Map.of());
    String sealed = keys.encrypt("shop", "x");
    Path master = dir.resolve("keys/master.key");
    assertThat(Files.getPosixFilePermissions(master)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Base64.getDecoder().decode(Files.readString(master).strip())).hasSize(32);
    assertThat(new KeyStore(dir.resolve("keys"), Map.of()).decrypt("shop", sealed)).isEqualTo("x");
  }

  @Test
  void noKeyIsStoredInClear() throws IOException {
    KeyStore keys = withMaster(MASTER_TEXT);
    keys.encrypt("shop", "x");
    byte[] salt = HexFormat.of().parseHex(keys.saltHex("shop"));
    byte[] key = keys.rawKey("shop");
    assertThat(key).hasSize(64);
    List<byte[]> secrets = new ArrayList<>();
    for (byte[] secret : List.of(MASTER, salt, key)) {
      secrets.add(secret);
      secrets.add(Base64.getEncoder().encode(secret));
      secrets.add(HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII));
    }
    List<Path> files;
    try (Stream<Path> listed = Files.list(dir.resolve("keys"))) {
      files = listed.toList();
    }
    assertThat(files).extracting(f -> f.getFileName().toString())
        .containsExactlyInAnyOrder("master.check", "shop.keyset.json", "shop.salt");
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      for (byte[] secret : secrets) {
        assertThat(indexOf(bytes, secret)).as(file + " holds a key in clear").isEqualTo(-1);
      }
    }
  }

  @Test
  void aForeignCiphertextDoesNotDecrypt() {
    KeyStore keys = withMaster(MASTER_TEXT);
    String sealed = keys.encrypt("crm", "x");
    assertThatThrownBy(() -> keys.decrypt("shop", sealed)).isInstanceOf(InvalidException.class)
        .hasMessage("cannot decrypt a value of domain shop: it was not encrypted with this domain's key");
    assertThatThrownBy(() -> keys.decrypt("shop", "not base64!")).isInstanceOf(InvalidException.class)
        .hasMessage("cannot decrypt a value of domain shop: it is not base64");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      int j = 0;
      while (j < needle.length && haystack[i + j] == needle[j]) {
        j++;
      }
      if (j == needle.length) {
        return i;
      }
    }
    return -1;
  }
}
