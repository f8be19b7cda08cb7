package dev.meshwork.core.keys;

import com.google.crypto.tink.Aead;
import dev.meshwork.spec.error.InvalidException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that wraps every other key of a home: AES-256-GCM, a random 12-byte nonce before each
 * ciphertext. It comes from {@code MESH_MASTER_KEY} (base64 of 32 bytes), else from the file
 * {@code MESH_MASTER_KEY_FILE} names, else from {@code keys/master.key}; a home with no keys yet
 * and no master key given gets a new one in {@code keys/master.key} (owner-only permissions), a
 * development default: production homes should pass the key from outside. Its bytes never appear
 * in messages or in {@link #toString()}.
 */
final class MasterKey implements Aead {

  static final String ENV = "MESH_MASTER_KEY";
  static final String FILE_ENV = "MESH_MASTER_KEY_FILE";
  static final String FILE = "master.key";
  static final int BYTES = 32;

  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private MasterKey(byte[] bytes) {
    this.key = new SecretKeySpec(bytes, "AES");
    Arrays.fill(bytes, (byte) 0);
  }

  /** The master key the environment names, or the home's own; {@code fresh} allows making a new one. */
  static MasterKey locate(Path folder, Map<String, String> environment, boolean fresh) {
    String value = environment.get(ENV);
    if (value != null && !value.isBlank()) {
      return new MasterKey(decode(value, ENV));
    }
    String file = environment.get(FILE_ENV);
    if (file != null && !file.isBlank()) {
      return new MasterKey(decode(read(Path.of(file), FILE_ENV + " " + file), "the file " + FILE_ENV + " names"));
    }
    Path own = folder.resolve(FILE);
    if (Files.exists(own)) {
      return new MasterKey(decode(read(own, own.toString()), own.toString()));
    }
    if (!fresh) {
      throw new InvalidException("cannot open the keystore " + folder + ": it holds keys but no master key; set "
          + ENV + " or " + FILE_ENV + " to the master key they were made with");
    }
    return generate(own);
  }

  private static MasterKey generate(Path file) {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    byte[] text = Base64.getEncoder().encode(bytes);
    try {
      Files.createDirectories(file.getParent());
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
      }
      Files.write(file, text);
      return new MasterKey(bytes);
    } catch (FileAlreadyExistsException e) {
      return new MasterKey(decode(read(file, file.toString()), file.toString()));
    } catch (IOException e) {
      throw new InvalidException("cannot create the master key " + file + ": " + e.getMessage());
    } finally {
      Arrays.fill(text, (byte) 0);
    }
  }

  private static String read(Path file, String what) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new InvalidException("cannot read the master key from " + what + ": " + e.getMessage());
    }
  }

  private static byte[] decode(String text, String where) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      bytes = new byte[0];
    }
    if (bytes.length != BYTES) {
      throw new InvalidException("cannot use the master key from " + where + ": it must be the base64 of "
          + BYTES + " bytes");
    }
    return bytes;
  }

  @Override
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(associatedData);
    byte[] sealed = cipher.doFinal(plaintext);
    byte[] out = Arrays.copyOf(nonce, NONCE + sealed.length);
    System.arraycopy(sealed, 0, out, NONCE, sealed.length);
    return out;
  }

  @Override
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
    if (ciphertext.length < NONCE) {
      throw new GeneralSecurityException("ciphertext too short");
    }
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 0, NONCE));
    cipher.updateAAD(associatedData);
    return cipher.doFinal(ciphertext, NONCE, ciphertext.length - NONCE);
  }

  @Override
  public String toString() {
    return "MasterKey[hidden]";
  }
}
