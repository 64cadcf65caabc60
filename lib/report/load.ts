/**
 * Reads stacks for the report: a Terraform JSON file (`cdk.tf.json`, `*.tf.json`), a cdktf.out
 * directory (every stack), or HCL Terraform (`.tf` files, converted with @cdktf/hcl2json).
 */
import * as fs from 'fs';
import * as path from 'path';
import { getPath, JsonObject, JsonValue, KubernetesObject, TerraformDocument, TerraformJson } from '../core/terraform-document';
import { MANIFESTS_METADATA_KEY } from '../in-cluster/conventions';
import type { ReportInput } from './build';

/** A problem with the input path or its content (the command line exits 2 with its message). */
export class InputError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Reads every stack under `target` (a file or a directory). */
export async function loadStacks(target: string): Promise<ReportInput[]> {
  const stat = statOf(target);
  if (stat.isFile()) {
    return target.endsWith('.tf') ? [await loadHcl([target], stackNameOf(target))] : [loadJson(target)];
  }
  const manifest = path.join(target, 'manifest.json');
  if (fs.existsSync(manifest)) {
    return fromManifest(target, manifest);
  }
  const stacksDir = path.join(target, 'stacks');
  if (fs.existsSync(stacksDir) && statOf(stacksDir).isDirectory()) {
    const found = fs
      .readdirSync(stacksDir)
      .sort()
      .map((s) => path.join(stacksDir, s, 'cdk.tf.json'))
      .filter((f) => fs.existsSync(f));
    if (found.length > 0) {
      return found.map((f) => loadJson(f));
    }
  }
  const files = fs.readdirSync(target).sort();
  const json = files.filter((f) => f.endsWith('.tf.json'));
  if (json.length > 0) {
    return json.map((f) => loadJson(path.join(target, f)));
  }
  const hcl = files.filter((f) => f.endsWith('.tf'));
  if (hcl.length > 0) {
    return [await loadHcl(hcl.map((f) => path.join(target, f)), path.basename(path.resolve(target)))];
  }
  throw new InputError(`${target} holds no cdktf.out manifest.json, no stacks/*/cdk.tf.json, no *.tf.json and no *.tf file`);
}

function statOf(target: string): fs.Stats {
  try {
    return fs.statSync(target);
  } catch {
    throw new InputError(`${target} does not exist`);
  }
}

function fromManifest(dir: string, manifestFile: string): ReportInput[] {
  const manifest = parseJson(manifestFile) as { stacks?: Record<string, { name?: string; synthesizedStackPath?: string }> };
  const stacks = Object.entries(manifest.stacks ?? {});
  if (stacks.length === 0) {
    throw new InputError(`${manifestFile} lists no stacks`);
  }
  return stacks.map(([key, s]) => {
    const file = path.join(dir, s.synthesizedStackPath ?? path.join('stacks', key, 'cdk.tf.json'));
    if (!file.endsWith('.json')) {
      throw new InputError(`${manifestFile}: stack '${key}' was synthesized as HCL (${file}); synthesize JSON, or pass the .tf file's directory`);
    }
    return loadJson(file, s.name ?? key);
  });
}

function loadJson(file: string, name?: string): ReportInput {
  const json = parseJson(file);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new InputError(`${file} is not a Terraform JSON configuration (expected an object)`);
  }
  const config = normalize(json as JsonObject);
  const fromMetadata = getPath(config['//'], 'metadata.stackName');
  return { doc: new TerraformDocument(config, name ?? (typeof fromMetadata === 'string' ? fromMetadata : stackNameOf(file)), manifestsFor(file, config)), source: file };
}

/**
 * The Kubernetes manifests a cdktf stack recorded (ClusterBaseline writes them next to the stacks,
 * under `<outdir>/manifests/`; the stack file is `<outdir>/stacks/<name>/cdk.tf.json`).
 */
function manifestsFor(file: string, config: TerraformJson): KubernetesObject[] {
  const recorded = getPath(config['//'], `metadata.${MANIFESTS_METADATA_KEY}`);
  if (!Array.isArray(recorded) || recorded.length === 0) {
    return [];
  }
  // Loaded only when a stack has manifests: the YAML parser is not needed otherwise.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadManifests } = require('../in-cluster/load') as typeof import('../in-cluster/load');
  try {
    return loadManifests(path.resolve(path.dirname(file), '..', '..'), config);
  } catch (e) {
    throw new InputError((e as Error).message);
  }
}

function parseJson(file: string): JsonValue {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`${file} cannot be read`);
  }
  try {
    return JSON.parse(text) as JsonValue;
  } catch (e) {
    throw new InputError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

async function loadHcl(files: readonly string[], name: string): Promise<ReportInput> {
  // Loaded only for HCL input: JSON reports never pay for the converter.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('@cdktf/hcl2json') as { parse: (filename: string, text: string) => Promise<JsonObject> };
  const merged: { resource: Record<string, JsonObject>; data: Record<string, JsonObject> } = { resource: {}, data: {} };
  for (const file of files) {
    let converted: JsonObject;
    try {
      converted = await parse(path.basename(file), fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new InputError(`${file} is not valid HCL: ${(e as Error).message}`);
    }
    for (const section of ['resource', 'data'] as const) {
      const byType = converted[section];
      for (const [type, byName] of Object.entries(byType && typeof byType === 'object' && !Array.isArray(byType) ? byType : {})) {
        merged[section][type] = { ...(merged[section][type] ?? {}), ...(byName as JsonObject) };
      }
    }
  }
  return { doc: new TerraformDocument(normalize(merged), name), source: files.length === 1 ? files[0] : path.dirname(files[0]) };
}

/**
 * Terraform JSON allows a resource name to map to a list of bodies (HCL-JSON does so for every
 * resource); TerraformDocument expects one body per name, so a list becomes its first element.
 */
export function normalize(json: JsonObject): TerraformJson {
  const out: Record<string, JsonValue> = { ...json };
  for (const section of ['resource', 'data']) {
    const byType = json[section];
    if (!byType || typeof byType !== 'object' || Array.isArray(byType)) {
      continue;
    }
    out[section] = Object.fromEntries(
      Object.entries(byType).map(([type, byName]) => [
        type,
        Object.fromEntries(
          Object.entries(byName && typeof byName === 'object' && !Array.isArray(byName) ? byName : {}).map(([name, body]) => [name, Array.isArray(body) ? (body[0] ?? {}) : body]),
        ),
      ]),
    );
  }
  return out as TerraformJson;
}

/** A display name for a stack file: its directory for `cdk.tf.json`, else the file name. */
function stackNameOf(file: string): string {
  const base = path.basename(file);
  if (base === 'cdk.tf.json') {
    return path.basename(path.dirname(path.resolve(file)));
  }
  return base.replace(/\.tf(\.json)?$|\.json$/, '');
}
