/**
 * Kubelet and Linux OS tuning for node pools (cluster-setup/node-configuration-tuning): a typed
 * subset of `kubelet_config` / `linux_os_config` with the ranges the provider and AKS accept.
 * The ranges are pure data so the rule checks synthesized JSON against the same table.
 */
import type { KubernetesClusterNodePoolKubeletConfig, KubernetesClusterNodePoolLinuxOsConfig } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool';
import { Token } from 'cdktf';
import { ErrorSubject, PropError } from '../core/errors';
import { checkInt, checkOneOf } from '../core/validate';
import { CPU_MANAGER_POLICIES, KUBELET_RANGES, SYSCTL_RANGES, THP_DEFRAG, TOPOLOGY_MANAGER_POLICIES, SysctlName } from './tuning-ranges';

/** Kubelet settings (`kubelet_config`). */
export interface KubeletTuning {
  /** `none` or `static` (exclusive CPUs for Guaranteed pods). @default AKS default (none) */
  readonly cpuManagerPolicy?: 'none' | 'static';
  /** @default AKS default (none) */
  readonly topologyManagerPolicy?: 'none' | 'best-effort' | 'restricted' | 'single-numa-node';
  /** Disk usage percent that triggers image garbage collection, 0-100, above the low threshold. @default 85 */
  readonly imageGcHighThreshold?: number;
  /** Disk usage percent image garbage collection frees down to, 0-100. @default 80 */
  readonly imageGcLowThreshold?: number;
  /** Maximum container log size in MB before rotation. @default 10 */
  readonly containerLogMaxSizeMb?: number;
  /** Maximum rotated log files per container, at least 2. @default 5 */
  readonly containerLogMaxLine?: number;
  /** Maximum PIDs per pod. @default -1 (unlimited) */
  readonly podMaxPid?: number;
  /** Unsafe sysctls pods may set (`kernel.shm*`, `kernel.msg*`, `kernel.sem`, `fs.mqueue.*`, `net.*`). @default none */
  readonly allowedUnsafeSysctls?: readonly string[];
}

/** Linux OS settings (`linux_os_config`). */
export interface LinuxOsTuning {
  /** Kernel sysctls with AKS's accepted ranges. @default AKS defaults */
  readonly sysctls?: Partial<Record<SysctlName, number>>;
  /** Swap file size in MB. @default no swap */
  readonly swapFileSizeMb?: number;
  /** Transparent huge page defrag. @default AKS default */
  readonly transparentHugePageDefrag?: 'always' | 'defer' | 'defer+madvise' | 'madvise' | 'never';
}

function fail(at: ErrorSubject, prop: string, value: unknown, problem: string, fix: string): never {
  throw new PropError(at, prop, value, problem, fix);
}

/** Validates kubelet tuning; throws a PropError naming `construct` and `prop`. */
export function validateKubelet(construct: ErrorSubject, prop: string, k: KubeletTuning): void {
  checkOneOf(construct, `${prop}.cpuManagerPolicy`, k.cpuManagerPolicy, CPU_MANAGER_POLICIES);
  checkOneOf(construct, `${prop}.topologyManagerPolicy`, k.topologyManagerPolicy, TOPOLOGY_MANAGER_POLICIES);
  checkInt(construct, `${prop}.imageGcHighThreshold`, k.imageGcHighThreshold, ...KUBELET_RANGES.image_gc_high_threshold);
  checkInt(construct, `${prop}.imageGcLowThreshold`, k.imageGcLowThreshold, ...KUBELET_RANGES.image_gc_low_threshold);
  checkInt(construct, `${prop}.containerLogMaxLine`, k.containerLogMaxLine, ...KUBELET_RANGES.container_log_max_line);
  checkInt(construct, `${prop}.containerLogMaxSizeMb`, k.containerLogMaxSizeMb, ...KUBELET_RANGES.container_log_max_size_mb);
  checkInt(construct, `${prop}.podMaxPid`, k.podMaxPid, ...KUBELET_RANGES.pod_max_pid);
  const high = k.imageGcHighThreshold ?? 85;
  const low = k.imageGcLowThreshold ?? 80;
  if (!Token.isUnresolved(high) && !Token.isUnresolved(low) && low >= high) {
    fail(construct, `${prop}.imageGcLowThreshold`, low, `is not below imageGcHighThreshold (${high})`, 'make the low threshold smaller than the high threshold');
  }
  const unsafe = /^(kernel\.shm.+|kernel\.msg.+|kernel\.sem|fs\.mqueue\..+|net\..+)$/;
  (k.allowedUnsafeSysctls ?? []).forEach((s) => {
    if (!Token.isUnresolved(s) && !unsafe.test(s)) {
      fail(construct, `${prop}.allowedUnsafeSysctls`, s, 'is not an unsafe sysctl AKS allows pods to set', 'use kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.* or net.* names');
    }
  });
}

/** Validates Linux OS tuning; throws a PropError naming `construct` and `prop`. */
export function validateLinuxOs(construct: ErrorSubject, prop: string, l: LinuxOsTuning): void {
  for (const [name, value] of Object.entries(l.sysctls ?? {})) {
    const range = SYSCTL_RANGES[name as SysctlName];
    if (!range) {
      fail(construct, `${prop}.sysctls.${name}`, value, 'is not a sysctl AKS lets you tune', `use one of ${Object.keys(SYSCTL_RANGES).join(', ')}`);
    }
    checkInt(construct, `${prop}.sysctls.${name}`, value, range[0], range[1]);
  }
  const s = l.sysctls ?? {};
  if (s.net_ipv4_ip_local_port_range_min !== undefined && s.net_ipv4_ip_local_port_range_max !== undefined && s.net_ipv4_ip_local_port_range_min >= s.net_ipv4_ip_local_port_range_max) {
    fail(construct, `${prop}.sysctls.net_ipv4_ip_local_port_range_min`, s.net_ipv4_ip_local_port_range_min, 'is not below net_ipv4_ip_local_port_range_max', 'make the port range minimum smaller than its maximum');
  }
  checkInt(construct, `${prop}.swapFileSizeMb`, l.swapFileSizeMb, 1, 1_048_576);
  checkOneOf(construct, `${prop}.transparentHugePageDefrag`, l.transparentHugePageDefrag, THP_DEFRAG);
}

const camel = (snake: string): string => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The provider binding's kubelet_config for a tuning. */
export function kubeletConfigOf(k: KubeletTuning): KubernetesClusterNodePoolKubeletConfig {
  return {
    cpuManagerPolicy: k.cpuManagerPolicy,
    topologyManagerPolicy: k.topologyManagerPolicy,
    imageGcHighThreshold: k.imageGcHighThreshold,
    imageGcLowThreshold: k.imageGcLowThreshold,
    containerLogMaxSizeMb: k.containerLogMaxSizeMb,
    containerLogMaxLine: k.containerLogMaxLine,
    podMaxPid: k.podMaxPid,
    allowedUnsafeSysctls: k.allowedUnsafeSysctls ? [...k.allowedUnsafeSysctls] : undefined,
  };
}

/** The provider binding's linux_os_config for a tuning. */
export function linuxOsConfigOf(l: LinuxOsTuning): KubernetesClusterNodePoolLinuxOsConfig {
  const sysctls = Object.fromEntries(Object.entries(l.sysctls ?? {}).map(([k, v]) => [camel(k), v]));
  return {
    swapFileSizeMb: l.swapFileSizeMb,
    transparentHugePageDefrag: l.transparentHugePageDefrag,
    sysctlConfig: Object.keys(sysctls).length > 0 ? sysctls : undefined,
  };
}
