/**
 * What the library knows about common VM sizes: vCPUs, the cache and temp (resource) disk that
 * can hold an ephemeral OS disk, and premium storage support. Pure data, no cdktf: the cluster's
 * system pool, NodePoolSet and the node pool rules all read this one table.
 *
 * Sources: the Azure VM size pages (Dsv2 "cache size in GiB", Dsv3 "cache size in GiB" and temp
 * storage, Ddsv5/Dadsv5/Edsv5 temp storage; Dsv5 has neither a temp disk nor ephemeral OS
 * support). A size that is not listed is unknown: the library does not guess, it falls back to a
 * managed OS disk and says so.
 */

/** One VM size as the library knows it. */
export interface VmSizeInfo {
  readonly vcpus: number;
  readonly memoryGiB: number;
  /** Cache size in GiB (0 when the size has no cache usable for an ephemeral OS disk). */
  readonly cacheGiB: number;
  /** Temp (resource) disk in GiB (0 when the size has none). */
  readonly tempGiB: number;
}

const dsv2 = (vcpus: number, memoryGiB: number, cacheGiB: number, tempGiB: number): VmSizeInfo => ({ vcpus, memoryGiB, cacheGiB, tempGiB });
const tempOnly = (vcpus: number, memoryGiB: number, tempGiB: number): VmSizeInfo => ({ vcpus, memoryGiB, cacheGiB: 0, tempGiB });

/** Known VM sizes, keyed by their exact Azure name. */
export const VM_SIZES: Readonly<Record<string, VmSizeInfo>> = {
  // DSv2: cache and a small temp disk
  Standard_DS2_v2: dsv2(2, 7, 86, 14),
  Standard_DS3_v2: dsv2(4, 14, 172, 28),
  Standard_DS4_v2: dsv2(8, 28, 344, 56),
  Standard_DS5_v2: dsv2(16, 56, 688, 112),
  // Dsv3: cache and temp disk
  Standard_D2s_v3: dsv2(2, 8, 50, 16),
  Standard_D4s_v3: dsv2(4, 16, 100, 32),
  Standard_D8s_v3: dsv2(8, 32, 200, 64),
  Standard_D16s_v3: dsv2(16, 64, 400, 128),
  Standard_D32s_v3: dsv2(32, 128, 800, 256),
  // Ddsv5 (Intel) and Dadsv5 (AMD): temp disk only
  Standard_D2ds_v5: tempOnly(2, 8, 75),
  Standard_D4ds_v5: tempOnly(4, 16, 150),
  Standard_D8ds_v5: tempOnly(8, 32, 300),
  Standard_D16ds_v5: tempOnly(16, 64, 600),
  Standard_D32ds_v5: tempOnly(32, 128, 1200),
  Standard_D2ads_v5: tempOnly(2, 8, 75),
  Standard_D4ads_v5: tempOnly(4, 16, 150),
  Standard_D8ads_v5: tempOnly(8, 32, 300),
  Standard_D16ads_v5: tempOnly(16, 64, 600),
  // Edsv5: memory optimised, temp disk only
  Standard_E2ds_v5: tempOnly(2, 16, 75),
  Standard_E4ds_v5: tempOnly(4, 32, 150),
  Standard_E8ds_v5: tempOnly(8, 64, 300),
  Standard_E16ds_v5: tempOnly(16, 128, 600),
  // Dsv5: no temp disk, no ephemeral OS disk
  Standard_D2s_v5: tempOnly(2, 8, 0),
  Standard_D4s_v5: tempOnly(4, 16, 0),
  Standard_D8s_v5: tempOnly(8, 32, 0),
  Standard_D16s_v5: tempOnly(16, 64, 0),
  Standard_E4s_v5: tempOnly(4, 32, 0),
  Standard_E8s_v5: tempOnly(8, 64, 0),
};

const BY_LOWER = new Map(Object.entries(VM_SIZES).map(([k, v]) => [k.toLowerCase(), v]));

/** The size's entry (case-insensitive, as Azure treats size names), when known. */
export function vmSize(name: string): VmSizeInfo | undefined {
  return BY_LOWER.get(name.toLowerCase());
}

/**
 * The largest ephemeral OS disk (GiB) a size can hold: its cache, or else its temp disk (AKS
 * places the OS disk in the cache first, then in the resource disk). Undefined for unknown sizes.
 */
export function ephemeralCapacityGiB(name: string): number | undefined {
  const info = vmSize(name);
  return info === undefined ? undefined : Math.max(info.cacheGiB, info.tempGiB);
}

/** Whether a size is burstable (B-series): not suited to steady Kubernetes node load. */
export function isBurstable(name: string): boolean {
  return /^Standard_B\d/i.test(name);
}

/**
 * Whether a size supports premium SSD managed disks, read from the size name: an `S` in the
 * family (DS, GS) or an `s` in the additive features (D4s_v3, D4ds_v5, F8s_v2).
 * Undefined when the name does not follow the Azure naming scheme.
 */
export function supportsPremiumStorage(name: string): boolean | undefined {
  // Size names are case-insensitive in Azure (`standard_d4s_v3`): read the lower-case form.
  const m = /^standard_([a-z]+?)(\d+)(?:-\d+)?([a-z]*)(?:_.*)?$/.exec(name.toLowerCase());
  if (!m) {
    return undefined;
  }
  const [, family, , features] = m;
  return family.slice(1).includes('s') || features.includes('s');
}

// ---------------------------------------------------------------------------------------------
// The size catalogue: which names Azure offers (vCPUs and memory), beyond the table above

/** A VM size Azure offers, as the catalogue knows it (disk details only for the sizes of VM_SIZES). */
export interface VmSizeSpec {
  /** Canonical name, e.g. `Standard_D4ds_v5`. */
  readonly name: string;
  /** vCPUs available to the node (the active count of a constrained-vCPU size). */
  readonly vcpus: number;
  readonly memoryGiB: number;
  /** B-series: CPU credits, not steady compute. */
  readonly burstable: boolean;
}

interface Family {
  readonly prefix: string;
  readonly features: readonly string[];
  readonly version?: string;
  readonly accelerator?: string;
  readonly vcpus: readonly number[];
  /** GiB per vCPU, by feature when it differs (`l` low memory, `m` more memory). */
  readonly memoryPerVcpu: number;
}

const fam = (prefix: string, features: string[], version: string | undefined, vcpus: number[], memoryPerVcpu: number, accelerator?: string): Family => ({ prefix, features, version, vcpus, memoryPerVcpu, accelerator });
const D4 = [2, 4, 8, 16, 32, 48, 64];
const D5 = [2, 4, 8, 16, 32, 48, 64, 96];
const D6 = [2, 4, 8, 16, 32, 48, 64, 96, 128];
const E4 = [2, 4, 8, 16, 20, 32, 48, 64];
const E5 = [2, 4, 8, 16, 20, 32, 48, 64, 96, 104, 112];

/**
 * Families of general-purpose, memory-, compute- and storage-optimised sizes AKS nodes use, with
 * their vCPU counts and memory per vCPU (Azure VM size pages). GPU and older sizes are listed by name below.
 */
const FAMILIES: readonly Family[] = [
  fam('A', [''], 'v2', [1, 2, 4, 8], 2),
  fam('A', ['m'], 'v2', [2, 4, 8], 8),
  fam('D', ['', 's'], 'v3', D4, 4),
  fam('D', ['', 's', 'd', 'ds'], 'v4', D4, 4),
  fam('D', ['a', 'as'], 'v4', D5, 4),
  fam('D', ['', 's', 'd', 'ds', 'as', 'ads'], 'v5', D5, 4),
  fam('D', ['ls', 'lds'], 'v5', D5, 2),
  fam('D', ['ps', 'pds'], 'v5', D4, 4),
  fam('D', ['pls', 'plds'], 'v5', D4, 2),
  fam('D', ['s', 'ds', 'as', 'ads'], 'v6', D6, 4),
  fam('D', ['ls', 'lds', 'als', 'alds'], 'v6', D6, 2),
  fam('D', ['ps', 'pds'], 'v6', D5, 4),
  fam('D', ['pls', 'plds'], 'v6', D5, 2),
  fam('E', ['', 's'], 'v3', E4, 8),
  fam('E', ['', 's', 'd', 'ds'], 'v4', E4, 8),
  fam('E', ['a', 'as'], 'v4', [...E4, 96], 8),
  fam('E', ['', 's', 'd', 'ds', 'as', 'ads', 'bs', 'bds'], 'v5', E5, 8),
  fam('E', ['ps', 'pds'], 'v5', [2, 4, 8, 16, 20, 32], 8),
  fam('E', ['s', 'ds', 'as', 'ads'], 'v6', [2, 4, 8, 16, 20, 32, 48, 64, 96, 128, 192], 8),
  fam('F', ['s'], 'v2', [2, 4, 8, 16, 32, 48, 64, 72], 2),
  fam('F', ['as'], 'v6', [2, 4, 8, 16, 32, 48, 64], 4),
  fam('F', ['als'], 'v6', [2, 4, 8, 16, 32, 48, 64], 2),
  fam('F', ['ams'], 'v6', [2, 4, 8, 16, 32, 48, 64], 8),
  fam('L', ['s'], 'v2', [8, 16, 32, 48, 64, 80], 8),
  fam('L', ['s', 'as'], 'v3', [8, 16, 32, 48, 64, 80], 8),
  fam('B', ['s', 'ms'], undefined, [1, 2, 4, 8, 12, 16, 20], 4),
  fam('B', ['s', 'ts', 'ls', 'as', 'ats', 'als', 'ps', 'pts', 'pls'], 'v2', [2, 4, 8, 16, 32], 4),
];

/** Sizes whose number is not their vCPU count (Dv2) and GPU sizes: [name, vCPUs, GiB]. */
const NAMED: readonly (readonly [string, number, number])[] = [
  ...[1, 2, 3, 4, 5].flatMap((n, i) => [[`Standard_D${n}_v2`, [1, 2, 4, 8, 16][i], [3.5, 7, 14, 28, 56][i]], [`Standard_DS${n}_v2`, [1, 2, 4, 8, 16][i], [3.5, 7, 14, 28, 56][i]]] as const),
  ...[11, 12, 13, 14, 15].flatMap((n, i) => [[`Standard_D${n}_v2`, [2, 4, 8, 16, 20][i], [14, 28, 56, 112, 140][i]], [`Standard_DS${n}_v2`, [2, 4, 8, 16, 20][i], [14, 28, 56, 112, 140][i]]] as const),
  ['Standard_NC6s_v3', 6, 112],
  ['Standard_NC12s_v3', 12, 224],
  ['Standard_NC24s_v3', 24, 448],
  ['Standard_NC24rs_v3', 24, 448],
  ['Standard_NC4as_T4_v3', 4, 28],
  ['Standard_NC8as_T4_v3', 8, 56],
  ['Standard_NC16as_T4_v3', 16, 110],
  ['Standard_NC64as_T4_v3', 64, 440],
  ['Standard_NC24ads_A100_v4', 24, 220],
  ['Standard_NC48ads_A100_v4', 48, 440],
  ['Standard_NC96ads_A100_v4', 96, 880],
  ['Standard_NC40ads_H100_v5', 40, 320],
  ['Standard_NC80adis_H100_v5', 80, 640],
  ['Standard_ND96asr_v4', 96, 900],
  ['Standard_ND96amsr_A100_v4', 96, 1900],
  ['Standard_ND96isr_H100_v5', 96, 1900],
  ['Standard_NV6ads_A10_v5', 6, 55],
  ['Standard_NV12ads_A10_v5', 12, 110],
  ['Standard_NV18ads_A10_v5', 18, 220],
  ['Standard_NV36ads_A10_v5', 36, 440],
  ['Standard_NV36adms_A10_v5', 36, 880],
  ['Standard_NV72ads_A10_v5', 72, 880],
];

function familyNames(f: Family): [string, VmSizeSpec][] {
  return f.features.flatMap((features) =>
    f.vcpus.map((vcpus): [string, VmSizeSpec] => {
      const name = `Standard_${f.prefix}${vcpus}${features}${f.accelerator ? `_${f.accelerator}` : ''}${f.version ? `_${f.version}` : ''}`;
      const perVcpu = f.prefix === 'B' && features === 's' && f.version === undefined ? 2 : f.memoryPerVcpu;
      return [name, { name, vcpus, memoryGiB: vcpus * perVcpu, burstable: f.prefix === 'B' }];
    }),
  );
}

const CATALOGUE = new Map<string, VmSizeSpec>([
  ...FAMILIES.flatMap(familyNames),
  ...NAMED.map(([name, vcpus, memoryGiB]): [string, VmSizeSpec] => [name, { name, vcpus, memoryGiB, burstable: false }]),
  ...Object.entries(VM_SIZES).map(([name, v]): [string, VmSizeSpec] => [name, { name, vcpus: v.vcpus, memoryGiB: v.memoryGiB, burstable: false }]),
].map(([name, spec]) => [name.toLowerCase(), spec]));

/**
 * The catalogue entry of a size (case-insensitive), constrained-vCPU sizes included
 * (`Standard_E8-4ds_v5`: an E8ds_v5 with 4 active vCPUs); undefined for a name Azure does not offer.
 */
export function vmSizeSpec(name: string): VmSizeSpec | undefined {
  const lower = name.toLowerCase();
  const direct = CATALOGUE.get(lower);
  if (direct) {
    return direct;
  }
  const constrained = /^standard_([a-z]+)(\d+)-(\d+)([a-z]*_v\d+)$/.exec(lower);
  if (constrained) {
    const base = CATALOGUE.get(`standard_${constrained[1]}${constrained[2]}${constrained[4]}`);
    const active = Number(constrained[3]);
    if (base && active < base.vcpus && active >= 1 && base.vcpus % active === 0) {
      return { ...base, name, vcpus: active };
    }
  }
  return undefined;
}

/** Every size name of the catalogue (for "did you mean"). */
export function vmSizeNames(): readonly string[] {
  // The common sizes of VM_SIZES first: a tie in "did you mean" goes to them.
  return [...new Set([...Object.keys(VM_SIZES), ...[...CATALOGUE.values()].map((s) => s.name)])];
}

/**
 * Adds a size the catalogue does not know (a family newer than this release), so that vmSize
 * props accept it.
 */
export function registerVmSize(spec: Omit<VmSizeSpec, 'burstable'> & { readonly burstable?: boolean }): void {
  CATALOGUE.set(spec.name.toLowerCase(), { burstable: false, ...spec });
}
