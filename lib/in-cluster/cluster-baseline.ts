/**
 * The in-cluster baseline of one cluster, delivered by GitOps: tenant namespaces rendered as
 * Kubernetes manifests (with cdk8s) into `<cdktf outdir>/manifests/<cluster>/` when the cdktf app
 * synthesizes, with a kustomization.yaml listing the files. The team commits the folder to its
 * GitOps repository; the cluster's Flux configuration (lib/disaster-recovery GitOps) applies it.
 * Nothing reaches the private API server from the pipeline and no credential enters Terraform.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App as K8sApp, Chart, Yaml } from 'cdk8s';
import { TerraformStack } from 'cdktf';
// Not re-exported from the package root in cdktf 0.21 (synthesize/index only exports types).
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import { Construct, IConstruct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import { PropError } from '../core/errors';
import { stackMetadata } from '../core/stack-metadata';
import type { KubernetesObject } from '../core/terraform-document';
import type { FluxKustomization } from '../disaster-recovery/gitops';
import { MANIFESTS_METADATA_KEY, manifestsPath, WINDOWS_NOTE } from './conventions';
import { KIND_ORDER } from './manifests';
import { TenantHost, TenantNamespace, TenantNamespaceProps } from './tenant-namespace';
import { MANIFEST_TOKEN, MANIFEST_TOKEN_FIX } from './validation';
import { asCallerError, checkLabelValue, requireLiteral } from '../core/validate';

/** AKS cluster names: 1-63 letters, digits, '-' and '_', alphanumeric at both ends. */
const CLUSTER_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_]{0,61}[A-Za-z0-9])?$/;

export interface ClusterBaselineProps {
  /**
   * The cluster's name as a literal string (the `name` given to SecureAksCluster, not its
   * `.name` token): the manifests folder is `manifests/<clusterName>` and the rules match the
   * manifests to the azurerm_kubernetes_cluster with this name.
   */
  readonly clusterName: string;
  /**
   * `app.kubernetes.io/part-of` label of every object.
   * @default 'aks-platform'
   */
  readonly partOf?: string;
  /**
   * Tenant namespaces (more with addTenant()).
   * @default none
   */
  readonly tenants?: readonly TenantNamespaceProps[];
  /**
   * Folder of the GitOps repository where the team commits the rendered folder; the Flux
   * kustomization from fluxKustomizationFor() points at it.
   * @default 'manifests/<clusterName>' (the same relative path as in the cdktf output)
   */
  readonly repositoryPath?: string;
}

/** One entry of the stack's `//.metadata.aksManifests`: where a cluster's manifests are. */
export interface ManifestsEntry {
  /** The cluster name. */
  readonly cluster: string;
  /** The folder, relative to the cdktf output directory (the parent of `stacks/`). */
  readonly path: string;
  /** The files in the folder, kustomization.yaml included. */
  readonly files: readonly string[];
  /** The tenant namespaces. */
  readonly namespaces: readonly string[];
  /** The folder in the GitOps repository. */
  readonly repositoryPath: string;
}

/** The stack's baselines, recorded in its `//` metadata for the report command-line. */
function stackBaselines(stack: TerraformStack): ClusterBaseline[] {
  return stackMetadata<ClusterBaseline[]>(
    stack,
    MANIFESTS_METADATA_KEY,
    () => [],
    (baselines) => (baselines.length === 0 ? undefined : baselines.map((b) => b.entry()).sort((a, b) => a.cluster.localeCompare(b.cluster))),
  );
}

/** Cluster names already used in an app (a folder per cluster). */
const USED = new WeakMap<IConstruct, Map<string, string>>();

/**
 * The tenant namespaces of one cluster as manifests, written to `<outdir>/manifests/<cluster>/`
 * at synth. Place it in the cluster's cdktf stack, one per cluster.
 */
export class ClusterBaseline extends Construct implements TenantHost {
  /** Marks baselines for Checklist enforcement, which finds them without loading cdk8s. */
  public readonly isClusterBaseline = true;
  /** The literal cluster name. */
  public readonly clusterName: string;
  /** `app.kubernetes.io/part-of` value. */
  public readonly partOf: string;
  /** The manifests folder, relative to the cdktf output directory: `manifests/<clusterName>`. */
  public readonly path: string;
  /** The folder in the GitOps repository (for the Flux kustomization). */
  public readonly repositoryPath: string;

  private readonly k8s = new K8sApp({ outdir: 'cdk8s.unused' });
  private readonly charts = new Map<string, Chart>();
  private readonly tenantList: TenantNamespace[] = [];

  public constructor(scope: Construct, id: string, props: ClusterBaselineProps) {
    super(scope, id);
    libraryStack(this);
    requireLiteral(this, '', { clusterName: props.clusterName, partOf: props.partOf, repositoryPath: props.repositoryPath }, MANIFEST_TOKEN, MANIFEST_TOKEN_FIX);
    if (typeof props.clusterName !== 'string' || !CLUSTER_NAME.test(props.clusterName)) {
      throw new PropError(this, 'clusterName', props.clusterName, 'is not a valid AKS cluster name', "use the cluster's literal name: 1-63 letters, digits, '-' and '_', starting and ending with a letter or digit");
    }
    this.clusterName = props.clusterName;
    this.partOf = props.partOf ?? 'aks-platform';
    checkLabelValue(this, 'partOf', this.partOf);
    this.path = manifestsPath(props.clusterName);
    this.repositoryPath = props.repositoryPath ?? this.path;
    if (this.repositoryPath.trim() === '' || this.repositoryPath.split('/').includes('..') || path.isAbsolute(this.repositoryPath)) {
      throw new PropError(this, 'repositoryPath', this.repositoryPath, 'is empty, absolute or leaves the repository', "give a relative folder inside the GitOps repository, e.g. 'clusters/prod/baseline'");
    }
    const used = USED.get(this.node.root) ?? new Map<string, string>();
    USED.set(this.node.root, used);
    const other = used.get(props.clusterName);
    if (other !== undefined) {
      throw new PropError(this, 'clusterName', props.clusterName, `already has a baseline at '${other}' in this app (both would write ${this.path})`, 'use one ClusterBaseline per cluster and add every tenant to it');
    }
    used.set(props.clusterName, this.node.path);

    // A tenant's errors name the baseline's prop (`tenants[0].owners`), the one the user set.
    (props.tenants ?? []).forEach((t, i) => asCallerError(this, { '*': `tenants[${i}]` }, () => this.addTenant(t)));
    stackBaselines(TerraformStack.of(this)).push(this);
    addCustomSynthesis(this, { onSynthesize: (session) => this.writeTo(path.join(session.outdir, this.path)) });
  }

  /** Adds a tenant namespace. */
  public addTenant(props: TenantNamespaceProps): TenantNamespace {
    if (typeof props?.name === 'string' && this.tenantList.some((t) => t.namespace === props.name)) {
      throw new PropError(this, 'name', props.name, `is already a tenant namespace of cluster '${this.clusterName}'`, 'give each tenant its own namespace');
    }
    const tenant = new TenantNamespace(this, typeof props?.name === 'string' ? props.name : 'tenant', props);
    this.tenantList.push(tenant);
    return tenant;
  }

  /** The tenants, by namespace name. */
  public get tenants(): readonly TenantNamespace[] {
    return [...this.tenantList].sort((a, b) => a.namespace.localeCompare(b.namespace));
  }

  /** The chart a tenant's objects go into. */
  public chartFor(tenant: string): Chart {
    const chart = this.charts.get(tenant) ?? new Chart(this.k8s, tenant, { disableResourceNameHashes: true });
    this.charts.set(tenant, chart);
    return chart;
  }

  /** Every rendered object (as cdk8s renders it), tenants by name, in file order. */
  public objects(): KubernetesObject[] {
    return this.tenants.flatMap((t) => this.tenantObjects(t.namespace));
  }

  /** The names of the rendered files, in the order files() renders them (without rendering them). */
  public fileNames(): string[] {
    return [...this.tenants.map((t) => `${t.namespace}.yaml`), 'kustomization.yaml'];
  }

  /** The rendered files, by file name: `<namespace>.yaml` per tenant and `kustomization.yaml`. */
  public files(): Record<string, string> {
    const files: Record<string, string> = {};
    const header = [
      `# Rendered by aks-checklist-cdktf ClusterBaseline for cluster '${this.clusterName}'. Do not edit: change the cdktf code and synthesize again.`,
      `# Windows nodes: ${WINDOWS_NOTE}`,
    ];
    for (const tenant of this.tenants) {
      files[`${tenant.namespace}.yaml`] = [...header, Yaml.stringify(...this.tenantObjects(tenant.namespace))].join('\n');
    }
    const kustomization = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: Object.keys(files) };
    files['kustomization.yaml'] = [header[0], Yaml.stringify(kustomization)].join('\n');
    return files;
  }

  /**
   * Writes the files into `dir` (replacing what a previous synth left there). Called by cdktf
   * synthesis with `<outdir>/manifests/<cluster>`.
   * @returns the paths written
   */
  public writeTo(dir: string): string[] {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    return Object.entries(this.files()).map(([name, text]) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text, 'utf8');
      return file;
    });
  }

  /** The metadata entry of this baseline. */
  public entry(): ManifestsEntry {
    return {
      cluster: this.clusterName,
      path: this.path,
      files: this.fileNames(),
      namespaces: this.tenants.map((t) => t.namespace),
      repositoryPath: this.repositoryPath,
    };
  }

  private tenantObjects(namespace: string): KubernetesObject[] {
    const objects = (this.charts.get(namespace)?.toJson() ?? []).map((o) => sortKeys(o) as KubernetesObject);
    const rank = (o: KubernetesObject): number => KIND_ORDER.indexOf(o.kind as (typeof KIND_ORDER)[number]);
    return objects.sort((a, b) => rank(a) - rank(b) || a.metadata.name.localeCompare(b.metadata.name));
  }
}

/**
 * The objects every ClusterBaseline of a stack renders: pass them as the `manifests` of the
 * stack's TerraformDocument (e.g. in Checklist enforcement, which judges the stack at synth).
 */
export function manifestsOf(stack: TerraformStack): KubernetesObject[] {
  return stack.node
    .findAll()
    .filter((c): c is ClusterBaseline => c instanceof ClusterBaseline)
    .sort((a, b) => a.clusterName.localeCompare(b.clusterName))
    .flatMap((b) => b.objects());
}

/** Options of fluxKustomizationFor. */
export interface BaselineKustomizationOptions {
  /**
   * Kustomization name (1-30 lowercase letters, digits, hyphens).
   * @default 'tenant-baseline'
   */
  readonly name?: string;
  /**
   * Kustomizations of the same Flux configuration to wait for.
   * @default none
   */
  readonly dependsOn?: readonly string[];
}

/**
 * The Flux kustomization that applies a baseline: pass it in the `kustomizations` of the
 * cluster's GitOps configuration (lib/disaster-recovery), whose repository holds the committed
 * folder at `baseline.repositoryPath`. `prune` removes objects of deleted tenants.
 */
export function fluxKustomizationFor(baseline: ClusterBaseline, options: BaselineKustomizationOptions = {}): FluxKustomization {
  return {
    name: options.name ?? 'tenant-baseline',
    path: `./${baseline.repositoryPath.replace(/^\.\//, '')}`,
    prune: true,
    dependsOn: options.dependsOn,
  };
}

/** Sorts object keys recursively; apiVersion, kind and metadata first (kubectl's order). */
function sortKeys(value: unknown, top = true): unknown {
  if (Array.isArray(value)) {
    return value.map((v) => sortKeys(v, false));
  }
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    const first = top ? ['apiVersion', 'kind', 'metadata'].filter((k) => keys.includes(k)) : [];
    return Object.fromEntries([...first, ...keys.filter((k) => !first.includes(k))].map((k) => [k, sortKeys((value as Record<string, unknown>)[k], false)]));
  }
  return value;
}
