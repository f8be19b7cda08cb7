package dev.meshwork.server;

import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.core.identity.Identities;
import dev.meshwork.core.ops.BuildListener;
import dev.meshwork.core.ops.BuildRequest;
import dev.meshwork.spec.load.Loader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A platform for the web catalog's tests, served with its catalog: the shop mesh of
 * {@link TestMesh} plus {@code shop.customers}, whose email column is encrypted PII, whose owner
 * approves access, and whose description and column description carry markup; users {@code bob}
 * (a consumer) and {@code sam} (owner of domain shop) with tokens.
 */
final class WebMesh implements AutoCloseable {

  static final String CUSTOMERS = """
      ---
      apiVersion: meshwork/v1
      kind: Source
      metadata: {name: crm-files, domain: shop}
      spec: {type: files, path: data/customers/*.csv, format: csv}
      ---
      apiVersion: meshwork/v1
      kind: DataProduct
      metadata:
        name: customers
        domain: shop
        title: Customers of the shop
        owner: shop-team@example.com
        description: |
          The **customers** of the web shop. <script>alert('description')</script>
          <img src=x onerror="alert('image')"> [a link](javascript:alert('link'))
      spec:
        version: 1.0.0
        classification: CONFIDENTIAL
        containsPII: true
        retentionDays: 30
        access: {approval: owner}
        inputs: [{name: crm, source: crm-files, tables: [customers]}]
        transform: {sql: "SELECT CAST(id AS BIGINT) AS id, email, note FROM crm.customers"}
        schema:
          - {name: id, type: int64, required: true, unique: true}
          - {name: email, type: string, pii: true, protection: encrypt}
          - {name: note, type: string, description: "<b onmouseover=alert('column')>bold</b> remark"}
      """;

  final MeshServer server;
  final Identities identities;
  final String base;
  final String consumerToken;
  final String ownerToken;

  WebMesh(Path dir) throws IOException {
    TestMesh.writeData(dir);
    Files.createDirectories(dir.resolve("data/customers"));
    Files.writeString(dir.resolve("data/customers/customers.csv"),
        "id,email,note\n1,ana@example.com,<img src=y onerror=alert('cell')>\n2,li@example.com,plain\n");
    Platform platform = Platform.open(new Home(dir.resolve("home")), Map.of(), Clock.systemUTC());
    identities = platform.identities();
    identities.createUser("sam", "shop-team@example.com", null, false);
    identities.createUser("bob", "bob@example.com", null, false);
    ownerToken = identities.issueToken("sam", null).secret();
    consumerToken = identities.issueToken("bob", null).secret();
    Loader.Result loaded = new Loader(dir).loadText(dir.resolve("mesh.yaml"), TestMesh.YAML + CUSTOMERS);
    if (!loaded.problems().isEmpty()) {
      throw new IllegalStateException("the web catalog's test mesh does not load: " + loaded.problems());
    }
    platform.operations().apply(loaded.resources());
    platform.operations().build(BuildRequest.all(), BuildListener.NONE);
    server = MeshServer.start(platform, ServerOptions.of("127.0.0.1", 0).withSpecBase(dir), TokenAuthorizer.of(identities));
    base = "http://127.0.0.1:" + server.port();
  }

  @Override
  public void close() {
    server.stop();
  }
}
