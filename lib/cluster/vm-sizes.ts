/**
 * Local disk capacity of common VM sizes, for choosing an ephemeral OS disk. AKS places an
 * ephemeral OS disk in the VM's cache, or in its temporary (resource) disk when the cache is too
 * small, so the OS disk must fit in the larger of the two. Figures are the GiB that the Azure VM
 * size pages list ("cache size" and "temp storage"); sizes without a local disk are listed with 0
 * so they are known to need a managed OS disk. Unknown sizes are not guessed.
 */

/** Local storage of one VM size, in GiB. */
export interface VmLocalDisks {
  /** Cache size (the `(nnn)` figure of "max cached and temp storage throughput"); 0 when none. */
  readonly cacheGb: number;
  /** Temporary (resource) disk; 0 when the size has no local disk. */
  readonly tempGb: number;
}

const SIZES: Readonly<Record<string, VmLocalDisks>> = {
  // Ddsv5 / Dadsv5 / Edsv5: temp disk only.
  standard_d2ds_v5: { cacheGb: 0, tempGb: 75 },
  standard_d4ds_v5: { cacheGb: 0, tempGb: 150 },
  standard_d8ds_v5: { cacheGb: 0, tempGb: 300 },
  standard_d16ds_v5: { cacheGb: 0, tempGb: 600 },
  standard_d32ds_v5: { cacheGb: 0, tempGb: 1200 },
  standard_d2ads_v5: { cacheGb: 0, tempGb: 75 },
  standard_d4ads_v5: { cacheGb: 0, tempGb: 150 },
  standard_d8ads_v5: { cacheGb: 0, tempGb: 300 },
  standard_d16ads_v5: { cacheGb: 0, tempGb: 600 },
  standard_e2ds_v5: { cacheGb: 0, tempGb: 75 },
  standard_e4ds_v5: { cacheGb: 0, tempGb: 150 },
  standard_e8ds_v5: { cacheGb: 0, tempGb: 300 },
  standard_e16ds_v5: { cacheGb: 0, tempGb: 600 },
  // Dsv3 and DSv2: cache and temp disk.
  standard_d2s_v3: { cacheGb: 50, tempGb: 16 },
  standard_d4s_v3: { cacheGb: 100, tempGb: 32 },
  standard_d8s_v3: { cacheGb: 200, tempGb: 64 },
  standard_d16s_v3: { cacheGb: 400, tempGb: 128 },
  standard_ds2_v2: { cacheGb: 86, tempGb: 14 },
  standard_ds3_v2: { cacheGb: 172, tempGb: 28 },
  standard_ds4_v2: { cacheGb: 344, tempGb: 56 },
  // Dsv5 / Esv5: no local disk at all.
  standard_d2s_v5: { cacheGb: 0, tempGb: 0 },
  standard_d4s_v5: { cacheGb: 0, tempGb: 0 },
  standard_d8s_v5: { cacheGb: 0, tempGb: 0 },
  standard_d16s_v5: { cacheGb: 0, tempGb: 0 },
  standard_e4s_v5: { cacheGb: 0, tempGb: 0 },
  standard_e8s_v5: { cacheGb: 0, tempGb: 0 },
};

/** The local disks of a VM size (case-insensitive), or undefined when the size is not in the table. */
export function vmLocalDisks(vmSize: string): VmLocalDisks | undefined {
  return SIZES[vmSize.toLowerCase()];
}

/** The largest ephemeral OS disk a size can hold (GiB), 0 when none, undefined when unknown. */
export function ephemeralCapacityGb(vmSize: string): number | undefined {
  const disks = vmLocalDisks(vmSize);
  return disks === undefined ? undefined : Math.max(disks.cacheGb, disks.tempGb);
}

/** The sizes in the table, for messages. */
export function knownVmSizes(): string[] {
  return Object.keys(SIZES);
}
