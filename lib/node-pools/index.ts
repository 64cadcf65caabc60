export * from './node-pool-set';
export * from './pool-sizing';
export type { KubeletTuning, LinuxOsTuning } from './tuning';
export type { SysctlName } from './tuning-ranges';
