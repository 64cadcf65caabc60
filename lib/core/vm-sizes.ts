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
