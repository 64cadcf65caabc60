/**
 * Reads stacks for the report: a Terraform JSON file (`cdk.tf.json`, `*.tf.json`), a cdktf.out
 * directory (every stack), a plan JSON file, or HCL Terraform (`.tf` files, parsed by hcl-parser.ts and
 * resolved by lib/report/hcl); a folder of `.tf` and `.tf.json` files is one configuration.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ModuleCoverage, ResolvedBlock, ResolvedConfiguration } from '../core/resolved-config';
import { configurationFromJson, getPath, JsonValue, KubernetesObject, metadataOf, TerraformDocument, TerraformJson } from '../core/terraform-document';
import { MANIFESTS_METADATA_KEY } from '../in-cluster/conventions';
import { REQUIRED_TAGS_METADATA_KEY } from '../platform/tag-keys';
import type { ReportInput } from './build';
import { configurationFromPlan, isPlan } from './plan';

/** A problem with the input path or its content (the command line exits 2 with its message). */
export class InputError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** What the command line adds to every stack it reads. */
export interface LoadOptions {
  /** Required tag keys, instead of those a stack declares (or the library's default). */
  readonly requiredTags?: readonly string[];
  /** HCL input: `--var-file` files, in command-line order (after terraform.tfvars and *.auto.tfvars). */
  readonly varFiles?: readonly string[];
  /** HCL input: `--var name=value` values, applied last. */
  readonly vars?: Readonly<Record<string, string>>;
}

/**
 * Reads every stack under `target`: a cdktf.out directory (every stack), a plan JSON file
 * (`terraform show -json`), a Terraform JSON file, an HCL `.tf` file, or a folder, which is one
 * configuration: all its `.tf` and `.tf.json` files together.
 */
export async function loadStacks(target: string, options: LoadOptions = {}): Promise<ReportInput[]> {
  const stat = statOf(target);
  if (stat.isFile()) {
    return [await loadFile(target, options)];
  }
  const manifest = path.join(target, 'manifest.json');
  if (fs.existsSync(manifest)) {
    return fromManifest(target, manifest, options);
  }
  const stacksDir = path.join(target, 'stacks');
  if (fs.existsSync(stacksDir) && statOf(stacksDir).isDirectory()) {
    const found = fs
      .readdirSync(stacksDir)
      .sort()
      .map((s) => path.join(stacksDir, s, 'cdk.tf.json'))
      .filter((f) => fs.existsSync(f));
    if (found.length > 0) {
      return found.map((f) => loadJson(f, undefined, options));
    }
  }
  const files = fs.readdirSync(target).sort();
  const config = files.filter((f) => f.endsWith('.tf') || f.endsWith('.tf.json')).map((f) => path.join(target, f));
  if (config.length > 0) {
    return [await loadFolder(config, path.basename(path.resolve(target)), options)];
  }
  const plans = files.filter((f) => /^(tf)?plan\.json$/.test(f));
  if (plans.length > 0) {
    return [await loadFile(path.join(target, plans[0]), options)];
  }
  throw new InputError(`${target} holds no cdktf.out manifest.json, no stacks/*/cdk.tf.json, no *.tf or *.tf.json file and no plan.json`);
}

async function loadFile(file: string, options: LoadOptions): Promise<ReportInput> {
  return file.endsWith('.tf') ? loadFolder([file], stackNameOf(file), options) : loadJson(file, undefined, options);
}

function statOf(target: string): fs.Stats {
  try {
    return fs.statSync(target);
  } catch {
    throw new InputError(`${target} does not exist`);
  }
}

function fromManifest(dir: string, manifestFile: string, options: LoadOptions): ReportInput[] {
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
    return loadJson(file, s.name ?? key, options);
  });
}

/** The configuration with the command line's required tag keys in its metadata. */
function withOptions(configuration: ResolvedConfiguration, options: LoadOptions): ResolvedConfiguration {
  if (!options.requiredTags) {
    return configuration;
  }
  const metadata = configuration.metadata ?? {};
  const inner = getPath(metadata, 'metadata');
  return {
    ...configuration,
    metadata: { ...metadata, metadata: { ...(inner && typeof inner === 'object' && !Array.isArray(inner) ? inner : {}), [REQUIRED_TAGS_METADATA_KEY]: [...options.requiredTags] } },
  };
}

/** Markdown files that synthesis writes next to a stack's cdk.tf.json and the report includes. */
const STACK_ATTACHMENTS: readonly string[] = ['ip-plan.md', 'topology.md'];

function attachmentsOf(file: string): ReportInput['attachments'] {
  if (path.basename(file) !== 'cdk.tf.json') {
    return [];
  }
  return STACK_ATTACHMENTS.map((name) => path.join(path.dirname(file), name))
    .filter((f) => fs.existsSync(f))
    .map((f) => ({ name: path.basename(f), markdown: fs.readFileSync(f, 'utf8') }));
}

function loadJson(file: string, name: string | undefined, options: LoadOptions): ReportInput {
  const json = parseJson(file);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new InputError(`${file} is not a Terraform JSON configuration (expected an object)`);
  }
  if (isPlan(json)) {
    const configuration = configurationFromPlan(json, name ?? stackNameOf(file), file);
    return { doc: TerraformDocument.fromConfiguration(withOptions(configuration, options)), source: file };
  }
  const config = json as TerraformJson;
  const fromMetadata = metadataOf(config, 'stackName');
  const configuration = configurationFromJson(config, name ?? (typeof fromMetadata === 'string' ? fromMetadata : stackNameOf(file)), { file });
  return { doc: TerraformDocument.fromConfiguration(withOptions(configuration, options), manifestsFor(file, config)), source: file, attachments: attachmentsOf(file) };
}

/**
 * The Kubernetes manifests a cdktf stack recorded (ClusterBaseline writes them next to the stacks,
 * under `<outdir>/manifests/`; the stack file is `<outdir>/stacks/<name>/cdk.tf.json`).
 */
function manifestsFor(file: string, config: TerraformJson): KubernetesObject[] {
  const recorded = metadataOf(config, MANIFESTS_METADATA_KEY);
  if (!Array.isArray(recorded) || recorded.length === 0) {
    return [];
  }
  // Loaded only when a stack has manifests: the YAML parser is not needed otherwise.
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

/**
 * One configuration from the `.tf` and `.tf.json` files of a folder (or one `.tf` file). With HCL,
 * lib/report/hcl resolves it as a plan would (variables, tfvars, locals, modules, count, for_each,
 * dynamic blocks, AzAPI clusters); a folder of `.tf.json` files only is read as Terraform JSON.
 */
async function loadFolder(files: readonly string[], name: string, options: LoadOptions): Promise<ReportInput> {
  if (!files.some((f) => f.endsWith('.tf'))) {
    return loadJsonFolder(files, name, options);
  }
  const dir = path.dirname(files[0]);
  // Loaded only for HCL input: JSON reports never pay for the evaluator and the converter.
  const { readHclConfiguration } = require('./hcl/read') as typeof import('./hcl/read');
  let configuration: ResolvedConfiguration;
  try {
    configuration = await readHclConfiguration(dir, {
      name,
      varFiles: options.varFiles,
      vars: options.vars,
      ...(files.length === 1 ? { only: [path.basename(files[0])] } : {}),
    });
  } catch (e) {
    if (e instanceof Error && (e.name === 'HclInputError' || e.name === 'EvalError')) {
      throw new InputError(e.message);
    }
    throw e;
  }
  return { doc: TerraformDocument.fromConfiguration(withOptions(configuration, options)), source: files.length === 1 ? files[0] : dir };
}

/** One configuration from a folder of Terraform JSON files; module calls are listed as not followed. */
function loadJsonFolder(files: readonly string[], name: string, options: LoadOptions): ReportInput {
  const blocks: ResolvedBlock[] = [];
  const modules: ModuleCoverage[] = [];
  for (const file of files) {
    const json = parseJson(file);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new InputError(`${file} is not a Terraform JSON configuration (expected an object)`);
    }
    const read = configurationFromJson(json as TerraformJson, name, { file, kind: 'terraform-json' });
    blocks.push(...read.blocks);
    modules.push(...read.coverage.modules.map((m) => ({ ...m, reason: 'module calls of Terraform JSON are not followed: report on the plan (terraform show -json) for exact results' })));
  }
  const configuration: ResolvedConfiguration = { name, blocks, coverage: { kind: 'terraform-json', files: [...files], modules, notes: [] } };
  return { doc: TerraformDocument.fromConfiguration(withOptions(configuration, options)), source: path.dirname(files[0]) };
}

/** A display name for a stack file: its directory for `cdk.tf.json`, else the file name. */
function stackNameOf(file: string): string {
  const base = path.basename(file);
  if (base === 'cdk.tf.json') {
    return path.basename(path.dirname(path.resolve(file)));
  }
  return base.replace(/\.tf(\.json)?$|\.json$/, '');
}
