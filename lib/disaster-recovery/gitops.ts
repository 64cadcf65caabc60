/**
 * GitOps: the Flux extension (microsoft.flux) and Flux configurations on an AKS cluster.
 *
 * No secret ever reaches Terraform: sources are public HTTPS repositories, or private ones whose
 * credentials live in a Kubernetes secret created outside Terraform (e.g. synced from Key Vault by
 * the Secrets Store CSI driver or External Secrets) and named by `localAuthReference`. Credentials
 * in the URL (https://user:token@...), SSH keys and HTTPS tokens are rejected. SSH sources need
 * such a secret (it holds the key and known_hosts).
 */
import { KubernetesClusterExtension } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-extension';
import { KubernetesFluxConfiguration } from '@cdktf/provider-azurerm/lib/kubernetes-flux-configuration';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import type { EgressFeature } from '../core/contracts';
import { PropError } from '../core/errors';
import { atScope, checkGitUrl, checkInt, checkName, checkOneOf, checkUnique, isKnown, NAME_RULES } from '../core/validate';

/** Flux extension type. */
export const FLUX_EXTENSION_TYPE = 'microsoft.flux';

/** A Git reference Flux follows. */
export interface GitReference {
  readonly type: 'branch' | 'tag' | 'semver' | 'commit';
  readonly value: string;
}

/** The Git repository a configuration syncs from. */
export interface GitSource {
  /** `https://host/path` (public, or with localAuthReference), `ssh://git@host/path` or `git@host:path` (with localAuthReference). */
  readonly url: string;
  /**
   * The reference to follow.
   * @default { type: 'branch', value: 'main' }
   */
  readonly reference?: GitReference;
  /**
   * Name of a Kubernetes secret (in the configuration's namespace) holding the credentials,
   * created outside Terraform.
   * @default none (public repository)
   */
  readonly localAuthReference?: string;
  /**
   * Seconds between source syncs (1-35791394).
   * @default 300
   */
  readonly syncIntervalSeconds?: number;
  /**
   * Seconds before a sync attempt times out (1-35791394).
   * @default 600
   */
  readonly timeoutSeconds?: number;
}

/** One Flux kustomization. */
export interface FluxKustomization {
  /** Name (1-30 lowercase letters, digits, hyphens). */
  readonly name: string;
  /**
   * Path in the repository.
   * @default the repository root
   */
  readonly path?: string;
  /**
   * Delete objects removed from Git (Flux `prune`).
   * @default true
   */
  readonly prune?: boolean;
  /**
   * Seconds between reconciliations (1-35791394).
   * @default 600
   */
  readonly syncIntervalSeconds?: number;
  /**
   * Seconds between retries after a failed reconciliation (1-35791394).
   * @default 600
   */
  readonly retryIntervalSeconds?: number;
  /**
   * Seconds before a reconciliation times out (1-35791394).
   * @default 600
   */
  readonly timeoutSeconds?: number;
  /**
   * Kustomizations of the same configuration this one waits for.
   * @default none
   */
  readonly dependsOn?: readonly string[];
}

/** One Flux configuration (a source and its kustomizations). */
export interface FluxConfigurationProps {
  /** Name (1-30 lowercase letters, digits, hyphens). */
  readonly name: string;
  /**
   * Namespace the configuration's Flux objects live in.
   * @default 'flux-system'
   */
  readonly namespace?: string;
  /**
   * `cluster` lets the configuration manage any namespace; `namespace` confines it.
   * @default 'cluster'
   */
  readonly scope?: 'cluster' | 'namespace';
  readonly repository: GitSource;
  /** At least one kustomization. */
  readonly kustomizations: readonly FluxKustomization[];
}

export interface GitOpsProps {
  /** Resource id of the AKS cluster. */
  readonly clusterId: string;
  /**
   * Flux configurations (more with addConfiguration()).
   * @default none
   */
  readonly configurations?: readonly FluxConfigurationProps[];
}

const NAME = 'GitOps';
const MAX_SECONDS = 35791394;

/** Flux on an AKS cluster, installed as a cluster extension, with its configurations. */
export class GitOps extends Construct {
  /** The egress feature the firewall must allow for Flux itself. */
  public static readonly egressFeature: EgressFeature = 'gitops';
  public readonly extension: KubernetesClusterExtension;
  public readonly configurations: KubernetesFluxConfiguration[] = [];
  private readonly hosts = new Set<string>();
  private readonly names: string[] = [];
  private readonly clusterId: string;

  public constructor(scope: Construct, id: string, props: GitOpsProps) {
    super(scope, id);
    libraryStack(this);
    this.clusterId = props.clusterId;
    this.extension = new KubernetesClusterExtension(this, 'flux', {
      name: 'flux',
      clusterId: props.clusterId,
      extensionType: FLUX_EXTENSION_TYPE,
      releaseTrain: 'stable',
      releaseNamespace: 'flux-system',
    });
    for (const config of props.configurations ?? []) {
      this.addConfiguration(config);
    }
  }

  /**
   * The hosts Flux pulls sources from, for the egress firewall's application rules (with the
   * `gitops` feature's own FQDNs).
   */
  public get sourceHosts(): readonly string[] {
    return [...this.hosts].sort();
  }

  /** Adds a Flux configuration. */
  public addConfiguration(config: FluxConfigurationProps): KubernetesFluxConfiguration {
    const host = atScope(this, () => validateConfiguration(config, this.names));
    this.names.push(config.name);
    if (host) {
      this.hosts.add(host);
    }
    const repo = config.repository;
    const reference = repo.reference ?? { type: 'branch', value: 'main' };
    const flux = new KubernetesFluxConfiguration(this, `config-${config.name}`, {
      name: config.name,
      clusterId: this.clusterId,
      namespace: config.namespace ?? 'flux-system',
      scope: config.scope ?? 'cluster',
      continuousReconciliationEnabled: true,
      gitRepository: {
        url: repo.url,
        referenceType: reference.type,
        referenceValue: reference.value,
        localAuthReference: repo.localAuthReference,
        syncIntervalInSeconds: repo.syncIntervalSeconds ?? 300,
        timeoutInSeconds: repo.timeoutSeconds ?? 600,
      },
      kustomizations: config.kustomizations.map((k) => ({
        name: k.name,
        path: k.path,
        garbageCollectionEnabled: k.prune ?? true,
        syncIntervalInSeconds: k.syncIntervalSeconds ?? 600,
        retryIntervalInSeconds: k.retryIntervalSeconds ?? 600,
        timeoutInSeconds: k.timeoutSeconds ?? 600,
        dependsOn: k.dependsOn ? [...k.dependsOn] : undefined,
      })),
      dependsOn: [this.extension],
    });
    this.configurations.push(flux);
    return flux;
  }
}

/** Validates a configuration; returns the source host when the URL is known. */
function validateConfiguration(config: FluxConfigurationProps, existing: readonly string[]): string | undefined {
  const prop = `configurations[${config.name}]`;
  checkName(NAME, `${prop}.name`, config.name, NAME_RULES.fluxName);
  if (existing.includes(config.name)) {
    throw new PropError(NAME, `${prop}.name`, config.name, 'is already a configuration on this cluster', 'give each configuration a distinct name');
  }
  checkName(NAME, `${prop}.namespace`, config.namespace ?? 'flux-system', NAME_RULES.kubernetesName);
  checkOneOf(NAME, `${prop}.scope`, config.scope, ['cluster', 'namespace']);
  const repo = config.repository;
  checkOneOf(NAME, `${prop}.repository.reference.type`, repo.reference?.type, ['branch', 'tag', 'semver', 'commit']);
  if (repo.reference !== undefined && isKnown(repo.reference.value) && repo.reference.value.trim() === '') {
    throw new PropError(NAME, `${prop}.repository.reference.value`, repo.reference.value, 'is empty', 'give the branch, tag, semver range or commit to follow');
  }
  if (repo.localAuthReference !== undefined) {
    checkName(NAME, `${prop}.repository.localAuthReference`, repo.localAuthReference, NAME_RULES.kubernetesName);
  }
  checkInt(NAME, `${prop}.repository.syncIntervalSeconds`, repo.syncIntervalSeconds, 1, MAX_SECONDS, ' seconds');
  checkInt(NAME, `${prop}.repository.timeoutSeconds`, repo.timeoutSeconds, 1, MAX_SECONDS, ' seconds');
  if (config.kustomizations.length === 0) {
    throw new PropError(NAME, `${prop}.kustomizations`, [], 'is empty', 'give at least one kustomization (name and path)');
  }
  const names = config.kustomizations.map((k) => k.name);
  checkUnique(NAME, `${prop}.kustomizations.name`, names);
  for (const k of config.kustomizations) {
    const kp = `${prop}.kustomizations[${k.name}]`;
    checkName(NAME, `${kp}.name`, k.name, NAME_RULES.fluxName);
    if (k.path !== undefined && isKnown(k.path) && (k.path.trim() === '' || k.path.includes('..'))) {
      throw new PropError(NAME, `${kp}.path`, k.path, 'is empty or leaves the repository', "give a path inside the repository, e.g. './clusters/prod'");
    }
    checkInt(NAME, `${kp}.syncIntervalSeconds`, k.syncIntervalSeconds, 1, MAX_SECONDS, ' seconds');
    checkInt(NAME, `${kp}.retryIntervalSeconds`, k.retryIntervalSeconds, 1, MAX_SECONDS, ' seconds');
    checkInt(NAME, `${kp}.timeoutSeconds`, k.timeoutSeconds, 1, MAX_SECONDS, ' seconds');
    for (const dep of k.dependsOn ?? []) {
      if (dep === k.name || !names.includes(dep)) {
        throw new PropError(NAME, `${kp}.dependsOn`, dep, dep === k.name ? 'is the kustomization itself' : 'is not a kustomization of this configuration', `depend on one of ${names.filter((n) => n !== k.name).join(', ') || '(no other kustomization)'}`);
      }
    }
  }
  return sourceHost(repo, prop);
}

function sourceHost(repo: GitSource, prop: string): string | undefined {
  const url = checkGitUrl(NAME, `${prop}.repository.url`, repo.url);
  if (url?.scheme === 'ssh') {
    requireSecretReference(repo, prop);
  }
  return url?.host;
}

function requireSecretReference(repo: GitSource, prop: string): void {
  if (repo.localAuthReference === undefined) {
    throw new PropError(
      NAME,
      `${prop}.repository.localAuthReference`,
      undefined,
      `is required for the SSH source '${repo.url}' (an SSH key is a secret this library never writes to Terraform)`,
      'create a Kubernetes secret with identity and known_hosts outside Terraform and pass its name, or use the public https:// URL',
    );
  }
}
