export * from './node-pool-set';
export * from './pool-sizing';
export type { KubeletTuning, LinuxOsTuning } from './tuning';
export type { SysctlName } from './tuning-ranges';
export { VM_SIZES, vmSize, ephemeralCapacityGiB, supportsPremiumStorage } from './vm-sizes';
export type { VmSizeInfo } from './vm-sizes';
