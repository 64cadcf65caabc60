/**
 * Accepted values for node tuning, from the azurerm provider's schema for `kubelet_config` and
 * `linux_os_config.sysctl_config` (which mirrors AKS's custom node configuration limits).
 * Where newer provider versions widened a range, the narrower one is kept: rejecting a value
 * Azure would take is recoverable, emitting one it rejects is not.
 * Pure data: the construct validates props against it and the rule validates synthesized JSON.
 */

export const CPU_MANAGER_POLICIES: readonly string[] = ['none', 'static'];
export const TOPOLOGY_MANAGER_POLICIES: readonly string[] = ['none', 'best-effort', 'restricted', 'single-numa-node'];
export const THP_DEFRAG: readonly string[] = ['always', 'defer', 'defer+madvise', 'madvise', 'never'];

/** Inclusive ranges of numeric kubelet_config attributes (snake_case, as in Terraform JSON). */
export const KUBELET_RANGES = {
  image_gc_high_threshold: [0, 100],
  image_gc_low_threshold: [0, 100],
  container_log_max_line: [2, 1_000_000],
  container_log_max_size_mb: [1, 1_000_000],
  pod_max_pid: [-1, 4_194_304],
} as const satisfies Record<string, readonly [number, number]>;

/** Inclusive ranges of `linux_os_config.sysctl_config` attributes (snake_case). */
export const SYSCTL_RANGES = {
  fs_aio_max_nr: [65536, 6553500],
  fs_file_max: [8192, 12000500],
  fs_inotify_max_user_watches: [781250, 2097152],
  fs_nr_open: [8192, 20000500],
  kernel_threads_max: [20, 513785],
  net_core_netdev_max_backlog: [1000, 3240000],
  net_core_optmem_max: [20480, 4194304],
  net_core_rmem_default: [212992, 134217728],
  net_core_rmem_max: [212992, 134217728],
  net_core_somaxconn: [4096, 3240000],
  net_core_wmem_default: [212992, 134217728],
  net_core_wmem_max: [212992, 134217728],
  net_ipv4_ip_local_port_range_min: [1024, 60999],
  net_ipv4_ip_local_port_range_max: [32768, 65000],
  net_ipv4_neigh_default_gc_thresh1: [128, 80000],
  net_ipv4_neigh_default_gc_thresh2: [512, 90000],
  net_ipv4_neigh_default_gc_thresh3: [1024, 100000],
  net_ipv4_tcp_fin_timeout: [5, 120],
  net_ipv4_tcp_keepalive_intvl: [10, 75],
  net_ipv4_tcp_keepalive_probes: [1, 15],
  net_ipv4_tcp_keepalive_time: [30, 432000],
  net_ipv4_tcp_max_syn_backlog: [128, 3240000],
  net_ipv4_tcp_max_tw_buckets: [8000, 1440000],
  net_netfilter_nf_conntrack_buckets: [65536, 147456],
  net_netfilter_nf_conntrack_max: [131072, 1048576],
  vm_max_map_count: [65530, 262144],
  vm_swappiness: [0, 100],
  vm_vfs_cache_pressure: [0, 100],
} as const satisfies Record<string, readonly [number, number]>;

/** A sysctl the library lets you tune. */
export type SysctlName = keyof typeof SYSCTL_RANGES;
