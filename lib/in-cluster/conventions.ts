/**
 * The conventions the in-cluster baseline writes into its manifests and the rules read back:
 * label and annotation keys, reserved namespaces, the IMDS address. No imports: the rules and the
 * command-line report load this without cdktf or cdk8s.
 */

/** Where the manifests of a stack's clusters are recorded in the stack's `//` metadata. */
export const MANIFESTS_METADATA_KEY = 'aksManifests';

/** The folder (relative to the cdktf output directory) that holds a cluster's manifests. */
export function manifestsPath(cluster: string): string {
  return `manifests/${cluster}`;
}

/** Annotation prefix of this library (a DNS label, valid as an annotation prefix). */
export const ANNOTATION_PREFIX = 'aks-checklist';
/** Annotation naming the cluster (azurerm_kubernetes_cluster `name`) an object is rendered for. */
export const CLUSTER_ANNOTATION = `${ANNOTATION_PREFIX}/cluster`;
/** Annotation carrying the construct path that rendered an object (waivers are scoped by it). */
export const CONSTRUCT_PATH_ANNOTATION = `${ANNOTATION_PREFIX}/construct-path`;
/** Annotation carrying the reason a loosening allowance (Internet or IMDS egress) was granted. */
export const REASON_ANNOTATION = `${ANNOTATION_PREFIX}/reason`;
/** Annotation on every NetworkPolicy: which data planes enforce it on Windows nodes. */
export const WINDOWS_ANNOTATION = `${ANNOTATION_PREFIX}/windows-nodes`;

/** The text of the Windows annotation and of the YAML header. */
export const WINDOWS_NOTE =
  'NetworkPolicy is not enforced on Windows nodes by every data plane: Cilium does not support Windows nodes, ' +
  'Azure Network Policy Manager on Windows is retiring (no new onboarding; support ends 30 September 2026), ' +
  'Calico enforces it on Windows Server 2019/2022. Windows workloads need their own protection (authentication, mTLS).';

/** The value of the Windows annotation (the file header carries the full note). */
export const WINDOWS_ANNOTATION_VALUE =
  'not enforced on Windows nodes by every data plane: Cilium has no Windows support, Azure NPM on Windows is retiring (30 Sep 2026), Calico enforces it on Windows Server 2019/2022';

/** Recommended labels every object of the baseline carries. */
export const LABELS = {
  partOf: 'app.kubernetes.io/part-of',
  managedBy: 'app.kubernetes.io/managed-by',
  owner: 'owner',
  costCenter: 'cost-center',
  dataClassification: 'data-classification',
} as const;

/** Label keys by the kind of information they carry (business, security, technical). */
export const LABEL_CATEGORIES: Readonly<Record<'business' | 'security' | 'technical', readonly string[]>> = {
  business: ['owner', 'cost-center', 'costcenter', 'business-unit', 'app.kubernetes.io/part-of'],
  security: ['data-classification', 'dataclassification', 'confidentiality', 'compliance'],
  technical: ['app.kubernetes.io/managed-by', 'app.kubernetes.io/name', 'app.kubernetes.io/component', 'environment'],
};

/** The label Kubernetes (1.22+) sets on every namespace with its own name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** Namespaces no tenant may use: `default` and everything Kubernetes or AKS own. */
export function isReservedNamespace(name: string): boolean {
  return name === 'default' || name.startsWith('kube-');
}

/**
 * Namespaces that AKS add-ons and cluster extensions create and own (GitOps, Azure Policy,
 * application routing, AKS Backup, Calico, the Istio add-on, Dapr, Azure Arc): a tenant namespace
 * of that name would be overwritten by, or break, the add-on.
 */
export const ADD_ON_NAMESPACES: readonly string[] = [
  'flux-system',
  'gatekeeper-system',
  'app-routing-system',
  'dataprotection-microsoft',
  'calico-system',
  'calico-apiserver',
  'tigera-operator',
  'aks-istio-system',
  'aks-istio-ingress',
  'aks-istio-egress',
  'aks-command',
  'dapr-system',
  'azure-arc',
  'azappconfig-system',
];

/** The instance metadata endpoint of every Azure VM (and so of every node). */
export const IMDS_ADDRESS = '169.254.169.254';
export const IMDS_CIDR = `${IMDS_ADDRESS}/32`;

/** Egress allowances broader than this prefix length reach a large part of the Internet and need a reason. */
export const BROAD_PREFIX = 8;

/** Kinds that are not namespaced (the rest must name a namespace or they land in `default`). */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
  'RuntimeClass',
  'CSIDriver',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'APIService',
  'Node',
]);
