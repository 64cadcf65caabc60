/**
 * Loads the manifests a stack's ClusterBaselines rendered, for the report command-line: the stack
 * records them in `//.metadata.aksManifests` ([{ cluster, path, files }], path relative to the cdktf
 * output directory). No cdktf import.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { getPath, KubernetesObject, metadataOf, TerraformJson } from '../core/terraform-document';
import { MANIFESTS_METADATA_KEY } from './conventions';

/** A manifests folder recorded in a stack. */
interface RecordedManifests {
  readonly cluster: string;
  /** Relative to the cdktf output directory. */
  readonly path: string;
  readonly files: readonly string[];
}

/** The manifests folders a stack's JSON records (malformed entries are skipped). */
function recordedManifests(json: TerraformJson): RecordedManifests[] {
  const raw = metadataOf(json, MANIFESTS_METADATA_KEY);
  if (!Array.isArray(raw)) {
    return [];
  }
  return raw.flatMap((entry) => {
    const cluster = getPath(entry, 'cluster');
    const dir = getPath(entry, 'path');
    const files = getPath(entry, 'files');
    const ok = typeof cluster === 'string' && typeof dir === 'string' && Array.isArray(files) && !dir.split(/[\\/]/).includes('..') && !path.isAbsolute(dir);
    return ok ? [{ cluster, path: dir, files: files.filter((f): f is string => typeof f === 'string' && f !== 'kustomization.yaml' && !f.includes('/')) }] : [];
  });
}

/** Parses a multi-document YAML text into objects (empty documents skipped). */
export function parseManifests(text: string): KubernetesObject[] {
  return parseAllDocuments(text)
    .map((d) => d.toJSON() as unknown)
    .filter((o): o is KubernetesObject => typeof o === 'object' && o !== null && !Array.isArray(o) && typeof (o as { kind?: unknown }).kind === 'string');
}

/**
 * The objects of every manifests folder a stack records.
 * @param outdir the cdktf output directory (holding `stacks/` and `manifests/`)
 * @param json the stack's Terraform JSON
 * @throws when a recorded file is missing (synthesize again)
 */
export function loadManifests(outdir: string, json: TerraformJson): KubernetesObject[] {
  return recordedManifests(json).flatMap((entry) =>
    entry.files.flatMap((file) => {
      const full = path.join(outdir, entry.path, file);
      if (!fs.existsSync(full)) {
        throw new Error(`aks-checklist: the stack records manifests for cluster '${entry.cluster}' at ${full}, which does not exist. Fix: synthesize the app again (cdktf synth) so the manifests are written next to the stacks.`);
      }
      return parseManifests(fs.readFileSync(full, 'utf8'));
    }),
  );
}
