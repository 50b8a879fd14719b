// Validates rendered kustomize output (one multi-document YAML file per overlay) against the Kubernetes
// schemas of npm `kubernetes-models` (Kubernetes 1.3x OpenAPI), twice:
//  1. each object through the model's ajv validator (types, formats, required fields, enums);
//  2. unknown fields rejected: every object becomes a typed object literal in a generated TypeScript file that
//     `tsc --noEmit` checks; TypeScript's excess-property check rejects any field the schema does not declare,
//     at every depth (the ajv schemas of kubernetes-models allow additional properties).
// cert-manager: the Certificate that cert-manager's ingress-shim derives from each annotated Ingress is built
// and validated with @kubernetes-models/cert-manager. CloudNativePG kinds have no published model here: they
// are checked by the JUnit test CrdSchemaTests (k8s-tests) and listed as such.
// Usage: node validate.mjs <work dir> <overlay>=<file.yaml>...
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { parseAllDocuments } from "yaml";

const [work, ...inputs] = process.argv.slice(2);
const CERT_MANAGER_ANNOTATIONS = ["cert-manager.io/cluster-issuer", "cert-manager.io/issuer"];
let failures = 0, checked = 0;
const fail = (where, msg) => { failures++; console.error(`FAIL ${where}: ${msg}`); };

function modelPath(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  return group ? `kubernetes-models/${group}/${version}/${kind}` : `kubernetes-models/${version}/${kind}`;
}

const ts = [];
let n = 0;
for (const input of inputs) {
  const [overlay, file] = input.split("=");
  const docs = parseAllDocuments(fs.readFileSync(file, "utf8"));
  for (const doc of docs) {
    if (doc.errors.length) { fail(overlay, doc.errors.join("; ")); continue; }
    const obj = doc.toJS();
    if (!obj) continue;
    if (obj.kind === "Secret" && obj.data) {
      // The API server decodes base64 ignoring line breaks, which kustomize inserts into long values.
      for (const k of Object.keys(obj.data)) obj.data[k] = String(obj.data[k]).replace(/\s+/g, "");
    }
    const where = `${overlay} ${obj.kind}/${obj.metadata?.name}`;
    if (obj.apiVersion?.startsWith("postgresql.cnpg.io/")) {
      console.log(`skip ${where}: CloudNativePG (no npm model; checked by k8s-tests CrdSchemaTests)`);
      continue;
    }
    const mp = modelPath(obj.apiVersion, obj.kind);
    let Model;
    try {
      Model = (await import(mp))[obj.kind];
    } catch (e) {
      fail(where, `no kubernetes-models type for ${obj.apiVersion} ${obj.kind}`);
      continue;
    }
    try {
      new Model(obj).validate();
      checked++;
    } catch (e) {
      fail(where, e.message);
    }
    n++;
    ts.push(`import type { I${obj.kind} as T${n} } from "${mp}";\n// ${where}\nexport const o${n}: T${n} = ${JSON.stringify(obj, null, 2)};\n`);
    if (obj.kind === "Ingress") {
      const ann = obj.metadata?.annotations ?? {};
      const issuerKey = CERT_MANAGER_ANNOTATIONS.find(k => ann[k]);
      const unknown = Object.keys(ann).filter(k => k.startsWith("cert-manager.io/") && !CERT_MANAGER_ANNOTATIONS.includes(k)
        && !["cert-manager.io/common-name", "cert-manager.io/duration", "cert-manager.io/renew-before", "cert-manager.io/private-key-algorithm"].includes(k));
      if (unknown.length) fail(where, `unknown cert-manager annotations ${unknown}`);
      if (!issuerKey) { fail(where, "Ingress without a cert-manager issuer annotation"); continue; }
      const { Certificate } = await import("@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate");
      for (const tls of obj.spec?.tls ?? []) {
        const cert = {
          apiVersion: "cert-manager.io/v1", kind: "Certificate",
          metadata: { name: tls.secretName, namespace: obj.metadata.namespace },
          spec: { secretName: tls.secretName, dnsNames: tls.hosts,
            issuerRef: { name: ann[issuerKey], kind: issuerKey.endsWith("cluster-issuer") ? "ClusterIssuer" : "Issuer", group: "cert-manager.io" } },
        };
        try { new Certificate(cert).validate(); checked++; } catch (e) { fail(`${where} (derived Certificate)`, e.message); }
        n++;
        ts.push(`import type { ICertificate as T${n} } from "@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate";\nexport const o${n}: T${n} = ${JSON.stringify(cert, null, 2)};\n`);
        const ruleHosts = (obj.spec.rules ?? []).map(r => r.host);
        for (const h of tls.hosts) if (!ruleHosts.includes(h)) fail(where, `tls host ${h} has no rule`);
      }
    }
  }
}
const tsFile = path.resolve(work, "rendered-objects.ts");
fs.writeFileSync(tsFile, ts.join("\n"));
try {
  execFileSync(path.resolve(work, "node_modules/.bin/tsc"),
    ["--noEmit", "--strict", "--skipLibCheck", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", tsFile],
    { cwd: path.resolve(work), stdio: "pipe", encoding: "utf8" });
} catch (e) {
  failures++;
  console.error(`FAIL unknown or mistyped fields (tsc over ${tsFile}):\n${e.stdout}${e.stderr}`);
}
console.log(`kubernetes-models: ${checked} objects valid, ${n} strictly typed (unknown fields rejected), ${failures} failures`);
process.exit(failures ? 1 : 0);
