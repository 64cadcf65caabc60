import { TerraformVariable, Testing } from 'cdktf';
import { testStack } from '../support/synth';
import { getPath, TerraformDocument, TfBlock } from '../../lib/core/terraform-document';
import { BUILTINS, builtinById, declaredParameters } from '../../lib/policy/builtins';
import { allowedImagesRegex, ClusterPolicies, ClusterPoliciesProps, DEFAULT_BUILTINS, SYSTEM_NAMESPACES } from '../../lib/policy/cluster-policies';
import { evaluateAll } from '../../lib/checklist/evaluate';
import { ClusterGovernance, ClusterGovernanceProps, GOVERNANCE_BUILTINS } from '../../lib/policy/cluster-governance';
import { cluster, policiesDoc, REGISTRY } from './stack';

const RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks';
const CLUSTER_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-test';

function assignments(doc: TerraformDocument): TfBlock[] {
  return doc.resources('azurerm_resource_policy_assignment');
}

function params(block: TfBlock): Record<string, { value: unknown }> {
  return JSON.parse(getPath(block.values, 'parameters') as string);
}

function assignmentOf(doc: TerraformDocument, key: keyof typeof BUILTINS): TfBlock {
  const found = assignments(doc).find((a) => getPath(a.values, 'policy_definition_id') === BUILTINS[key].id);
  if (!found) {
    throw new Error(`no assignment of ${key}`);
  }
  return found;
}

/** Builds ClusterPolicies in a fresh stack with the given props over valid defaults. */
function build(props: Partial<ClusterPoliciesProps> = {}, after?: (p: ClusterPolicies) => void): void {
  const stack = testStack('bad');
  const p = new ClusterPolicies(stack, 'policies', { clusterId: CLUSTER_ID, allowedRegistries: [REGISTRY], ...props });
  after?.(p);
}

describe('ClusterPolicies defaults', () => {
  const doc = policiesDoc();

  test('assigns the pod security restricted initiative and every default built-in, scoped to the cluster', () => {
    const ids = assignments(doc).map((a) => getPath(a.values, 'policy_definition_id'));
    expect(ids).toContain(BUILTINS.podSecurityRestricted.id);
    expect(ids).not.toContain(BUILTINS.podSecurityBaseline.id);
    for (const key of DEFAULT_BUILTINS) {
      expect(ids).toContain(BUILTINS[key].id);
    }
    expect(ids).toHaveLength(DEFAULT_BUILTINS.length + 1);
    for (const a of assignments(doc)) {
      expect(getPath(a.values, 'resource_id')).toBe('${azurerm_kubernetes_cluster.aks.id}');
    }
  });

  test('emits the snake_case keys of azurerm_resource_policy_assignment', () => {
    const a = assignmentOf(doc, 'allowedImages');
    expect(Object.keys(a.values).filter((k) => k !== '//').sort()).toEqual(['description', 'display_name', 'name', 'parameters', 'policy_definition_id', 'resource_id']);
    expect(getPath(a.values, 'display_name')).toBe('Kubernetes cluster containers should only use allowed images');
    expect(getPath(a.values, 'name')).toBe('aks-allowed-images');
  });

  test('sets only parameters that each definition declares', () => {
    for (const a of assignments(doc)) {
      const def = builtinById(getPath(a.values, 'policy_definition_id') as string);
      expect(def).toBeDefined();
      const undeclared = Object.keys(params(a)).filter((p) => !declaredParameters(def!).includes(p));
      expect({ assignment: a.address, undeclared }).toEqual({ assignment: a.address, undeclared: [] });
    }
  });

  test('denies wherever the definition allows Deny, and audits where it does not', () => {
    for (const a of assignments(doc)) {
      const def = builtinById(getPath(a.values, 'policy_definition_id') as string)!;
      const expected = def.effects.includes('Deny') ? 'Deny' : 'Audit';
      expect({ a: a.address, effect: params(a).effect.value }).toEqual({ a: a.address, effect: expected });
    }
    expect(params(assignmentOf(doc, 'clusterAdminRoleMinimized')).effect.value).toBe('Audit');
  });

  test('excludes the system namespaces from every assignment', () => {
    for (const a of assignments(doc)) {
      expect(params(a).excludedNamespaces.value).toEqual(SYSTEM_NAMESPACES);
    }
  });

  test('passes the container limits and required probes', () => {
    expect(params(assignmentOf(doc, 'resourceLimits'))).toMatchObject({ cpuLimit: { value: '2' }, memoryLimit: { value: '4Gi' } });
    expect(params(assignmentOf(doc, 'probes')).requiredProbes.value).toEqual(['readinessProbe', 'livenessProbe']);
  });

  test('assignment names satisfy Azure and azurerm rules', () => {
    for (const a of assignments(doc)) {
      const name = getPath(a.values, 'name') as string;
      expect(name.length).toBeLessThanOrEqual(64);
      expect(name).toMatch(/^[a-z0-9-]+$/);
    }
    expect(new Set(assignments(doc).map((a) => getPath(a.values, 'name'))).size).toBe(assignments(doc).length);
  });

  test('no secrets and no waivers by default', () => {
    const text = JSON.stringify(doc.json);
    expect(text).not.toMatch(/password|client_secret|access_key/i);
    expect(doc.metadata('aksChecklist')).toBeUndefined();
  });
});

describe('allowed images regex', () => {
  test('matches images of the registry and rejects others', () => {
    const doc = policiesDoc();
    const value = params(assignmentOf(doc, 'allowedImages')).allowedContainerImagesRegex.value as string;
    expect(value).toBe('^(myacr\\.azurecr\\.io)/.+$');
    const regex = new RegExp(value);
    expect(regex.test('myacr.azurecr.io/app:1.0')).toBe(true);
    expect(regex.test('myacr.azurecr.io/team/app@sha256:abc')).toBe(true);
    expect(regex.test('docker.io/nginx')).toBe(false);
    expect(regex.test('nginx:latest')).toBe(false);
    expect(regex.test('myacrXazurecrXio/app')).toBe(false);
    expect(regex.test('evil.com/myacr.azurecr.io/app')).toBe(false);
    expect(regex.test('myacr.azurecr.io.evil.com/app')).toBe(false);
  });

  test('joins several registries as alternatives', () => {
    const regex = new RegExp(allowedImagesRegex(['myacr.azurecr.io', 'mcr.microsoft.com']));
    expect(regex.test('mcr.microsoft.com/oss/nginx:1.25')).toBe(true);
    expect(regex.test('myacr.azurecr.io/app:1.0')).toBe(true);
    expect(regex.test('ghcr.io/app:1.0')).toBe(false);
  });

  test('escapes a login server that is a token at apply time', () => {
    const stack = testStack('token');
    const aks = cluster(stack);
    const login = new TerraformVariable(stack, 'login', { type: 'string' });
    new ClusterPolicies(stack, 'policies', { clusterId: aks.id, allowedRegistries: [login.stringValue] });
    const text = Testing.synth(stack);
    const json = JSON.parse(text);
    const raw = Object.values(json.resource.azurerm_resource_policy_assignment as Record<string, { parameters: string }>).map((a) => a.parameters).find((p) => p.includes('allowedContainerImagesRegex')) as string;
    // Simulate Terraform: evaluate replace(var.login, ".", "<HCL literal>") with login = myacr.azurecr.io.
    const evaluated = raw.replace(/\$\{replace\(var\.login, "\.", "((?:[^"\\]|\\.)*)"\)\}/, (_m, lit: string) => 'myacr.azurecr.io'.split('.').join(lit.replace(/\\\\/g, '\\')));
    const regex = new RegExp(JSON.parse(evaluated).allowedContainerImagesRegex.value);
    expect(regex.test('myacr.azurecr.io/app:1.0')).toBe(true);
    expect(regex.test('myacrXazurecr.io/app:1.0')).toBe(false);
    expect(regex.test('docker.io/nginx')).toBe(false);
  });
});

describe('ClusterPolicies options', () => {
  test("strictness 'Audit' with a reason audits everything and records waivers", () => {
    const doc = policiesDoc({ strictness: { effect: 'Audit', reason: 'rehearsal cluster: observe before denying' } });
    for (const a of assignments(doc)) {
      expect(params(a).effect.value).toBe('Audit');
    }
    const waivers = getPath(doc.json['//'], 'metadata.aksChecklist.waivers') as { item: string; reason: string }[];
    expect(waivers.map((w) => w.item)).toContain('container/allowed-registries-only');
    expect(waivers.every((w) => w.reason === 'rehearsal cluster: observe before denying')).toBe(true);
  });

  test('baseline pod security with a reason assigns the baseline initiative and waives security-context', () => {
    const doc = policiesDoc({ podSecurityStandard: { standard: 'baseline', reason: 'legacy images run as root until Q3' } });
    const ids = assignments(doc).map((a) => getPath(a.values, 'policy_definition_id'));
    expect(ids).toContain(BUILTINS.podSecurityBaseline.id);
    expect(ids).not.toContain(BUILTINS.podSecurityRestricted.id);
    const waivers = getPath(doc.json['//'], 'metadata.aksChecklist.waivers') as { item: string }[];
    expect(waivers.map((w) => w.item)).toEqual(['development/security-context']);
  });

  test('exclude leaves a default out and waives its items', () => {
    const doc = policiesDoc({ exclude: { preStopHook: { reason: 'third-party images without preStop hooks' }, noDefaultNamespace: { reason: 'legacy charts install into default' } } });
    const ids = assignments(doc).map((a) => getPath(a.values, 'policy_definition_id'));
    expect(ids).not.toContain(BUILTINS.preStopHook.id);
    expect(ids).not.toContain(BUILTINS.noDefaultNamespace.id);
    expect(ids).toContain(BUILTINS.noNakedPods.id);
    const waivers = getPath(doc.json['//'], 'metadata.aksChecklist.waivers') as { item: string; reason: string }[];
    expect(waivers.map((w) => [w.item, w.reason])).toEqual([
      ['development/prestop-hook', 'third-party images without preStop hooks'],
      ['operations/no-default-namespace', 'legacy charts install into default'],
    ]);
  });

  test('additional excluded namespaces are appended to the system ones', () => {
    const doc = policiesDoc({ additionalExcludedNamespaces: ['app-routing-system'] });
    expect(params(assignmentOf(doc, 'noNakedPods')).excludedNamespaces.value).toEqual([...SYSTEM_NAMESPACES, 'app-routing-system']);
  });

  test('assign() adds an optional built-in with declared parameters', () => {
    const doc = policiesDoc({}, { after: (p) => p.assign('noPrivilegeEscalation', { forcePrivilegeEscalationToBeFalse: true }) });
    const a = assignmentOf(doc, 'noPrivilegeEscalation');
    expect(params(a)).toEqual({ effect: { value: 'Deny' }, forcePrivilegeEscalationToBeFalse: { value: true } });
    expect(getPath(a.values, 'name')).toBe('aks-no-privilege-escalation');
  });

  test('assign() with a weaker effect and a reason records the waiver', () => {
    const doc = policiesDoc({ exclude: { noLatestTag: { reason: 'assigned again below in Audit mode' } } }, { after: (p) => p.assign('noLatestTag', {}, { effect: 'Audit', reason: 'teams migrate off latest tags this quarter' }) });
    expect(params(assignmentOf(doc, 'noLatestTag')).effect.value).toBe('Audit');
  });

  test('the assignments list exposes every assignment', () => {
    let count = 0;
    policiesDoc({}, { after: (p) => (count = p.assignmentList.length) });
    expect(count).toBe(DEFAULT_BUILTINS.length + 1);
  });
});

describe('ClusterPolicies bad input', () => {
  test('unknown built-in key', () => {
    expect(() => build({}, (p) => p.assign('noSuchPolicy' as never))).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'assign.key' = 'noSuchPolicy' is not a known built-in/);
  });

  test('Deny on a built-in that does not allow Deny', () => {
    expect(() => build({ exclude: { clusterAdminRoleMinimized: { reason: 'assigned again below with Deny' } } }, (p) => p.assign('clusterAdminRoleMinimized', {}, { effect: 'Deny' }))).toThrow(
      /ClusterPolicies(?: '[^']+')?: prop 'assign\(clusterAdminRoleMinimized\).effect' = 'Deny' is not an effect .* allows.*Fix: use one of Audit, Disabled/,
    );
  });

  test('a built-in assigned twice', () => {
    expect(() => build({}, (p) => p.assign('noNakedPods'))).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'assign.key' = 'noNakedPods' is already assigned/);
  });

  test('empty allowedRegistries', () => {
    expect(() => build({ allowedRegistries: [] })).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'allowedRegistries' = \[\] is empty/);
  });

  test('a registry given as a URL', () => {
    expect(() => build({ allowedRegistries: ['https://myacr.azurecr.io/'] })).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'allowedRegistries' = 'https:\/\/myacr.azurecr.io\/' is not a registry login server/);
  });

  test('a registry with a wildcard', () => {
    expect(() => build({ allowedRegistries: ['*.azurecr.io'] })).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'allowedRegistries' = '\*.azurecr.io'/);
  });

  test('a name prefix with characters Azure rejects', () => {
    expect(() => build({ namePrefix: 'aks.prod' })).toThrow(/ClusterPolicies '[^']+': prop 'namePrefix' = 'aks.prod' gives the assignment name 'aks.prod-[a-z-]+', which Azure rejects/);
  });

  test('a name prefix that makes names longer than 64 characters', () => {
    expect(() => build({ namePrefix: 'p'.repeat(50) })).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'namePrefix' = 'p+' gives the assignment name .* which Azure rejects \(1-64 characters/);
  });

  test('an explicit assignment name with a slash', () => {
    expect(() => build({}, (p) => p.assign('readOnlyRootFilesystem', {}, { name: 'ro/root' }))).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'assign.options.name' = 'ro\/root' gives the assignment name/);
  });

  test('an explicit assignment name ending with a space', () => {
    expect(() => build({}, (p) => p.assign('readOnlyRootFilesystem', {}, { name: 'ro-root ' }))).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'assign.options.name' = 'ro-root '/);
  });

  test('a parameter the definition does not declare', () => {
    expect(() => build({}, (p) => p.assign('readOnlyRootFilesystem', { allowedContainerImagesRegex: '.*' }))).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'assign\(readOnlyRootFilesystem\).parameters.allowedContainerImagesRegex' = '.\*' is not a parameter of/);
  });

  test('a parameter of the wrong type', () => {
    expect(() => build({}, (p) => p.assign('readOnlyRootFilesystem', { excludedImages: 'myacr.azurecr.io/x' }))).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'assign\(readOnlyRootFilesystem\).parameters.excludedImages' .* is not of the declared type Array/);
  });

  test('a parameter value outside the allowed values', () => {
    expect(() => build({}, (p) => p.assign('readOnlyRootFilesystem', { source: 'Everything' }))).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'assign\(readOnlyRootFilesystem\).parameters.source' = 'Everything' is not an allowed value/);
  });

  test('the effect passed as a parameter', () => {
    expect(() => build({}, (p) => p.assign('readOnlyRootFilesystem', { effect: 'Deny' }))).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'assign\(readOnlyRootFilesystem\).parameters.effect'/);
  });

  test('a required parameter left out', () => {
    expect(() => build({ exclude: { allowedImages: { reason: 'assigned again below, without a regex' } } }, (p) => p.assign('allowedImages'))).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'assign\(allowedImages\).parameters.allowedContainerImagesRegex' = undefined is required/);
  });

  test('a weaker effect without a reason', () => {
    expect(() => build({}, (p) => p.assign('readOnlyRootFilesystem', {}, { effect: 'Audit' }))).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'assign\(readOnlyRootFilesystem\).reason' = undefined is missing or too short: loosening a secure default \(weakening the effect from Deny to Audit\)/);
  });

  test("strictness 'Audit' without a reason", () => {
    expect(() => build({ strictness: 'Audit' as never })).toThrow(/ClusterPolicies '[^']+': prop 'strictness' = 'Audit' turns blocking off .* without a reason\. Fix: give strictness: \{ effect: 'Audit', reason/);
    expect(() => build({ strictness: { effect: 'Audit', reason: 'n/a' } })).toThrow(/ClusterPolicies '[^']+': prop 'strictness\.reason' = 'n\/a' is not a reason a reviewer can judge/);
  });

  test('an unknown strictness', () => {
    expect(() => build({ strictness: 'Warn' as never })).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'strictness' = 'Warn' is not a strictness/);
  });

  test('baseline pod security without a reason', () => {
    expect(() => build({ podSecurityStandard: 'baseline' as never })).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'podSecurityStandard' = 'baseline' turns the restricted pod security standard off .* without a reason/);
    expect(() => build({ podSecurityStandard: { standard: 'baseline', reason: '' } })).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'podSecurityStandard\.reason' = '' is missing or too short/);
  });

  test('excluding a built-in without a reason', () => {
    expect(() => build({ exclude: { noNakedPods: { reason: '' } } })).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'exclude\.noNakedPods\.reason' = '' is missing or too short/);
    expect(() => build({ exclude: { noNakedPods: 'bare pods are fine in this sandbox' as never } })).toThrow(
      /ClusterPolicies(?: '[^']+')?: prop 'exclude\.noNakedPods' = 'bare pods are fine in this sandbox' is not a loosening with its reason\. Fix: give exclude: \{ noNakedPods: \{ reason: '<why>' \} \}/,
    );
  });

  test('excluding something that is not a default assignment', () => {
    expect(() => build({ exclude: { readOnlyRootFilesystem: { reason: 'not assigned by default anyway' } } })).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'exclude' = 'readOnlyRootFilesystem' is not a default assignment/);
  });

  test('a cluster id that is not an AKS cluster', () => {
    expect(() => build({ clusterId: '/subscriptions/x/resourceGroups/rg' })).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'clusterId' = '\/subscriptions\/x\/resourceGroups\/rg' is not an AKS cluster resource id/);
  });

  test('an excluded namespace that is not a namespace name', () => {
    expect(() => build({ additionalExcludedNamespaces: ['Flux_System'] })).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'additionalExcludedNamespaces' = 'Flux_System' is not a Kubernetes namespace name/);
  });

  test('an empty required probes list', () => {
    expect(() => build({ requiredProbes: [] })).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'requiredProbes' = \[\] must list/);
  });

  test('a CPU limit that is not a quantity', () => {
    expect(() => build({ containerLimits: { cpu: '2 cores', memory: '4Gi' } })).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'containerLimits.cpu' = '2 cores' is not a Kubernetes CPU quantity/);
  });

  test('a memory limit that is not a quantity', () => {
    expect(() => build({ containerLimits: { cpu: '2', memory: '4GB' } })).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'containerLimits.memory' = '4GB' is not a Kubernetes memory quantity/);
  });

  test('an unknown pull policy', () => {
    expect(() => build({ allowedPullPolicies: ['Sometimes' as never] })).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'allowedPullPolicies' = \["Sometimes"\] must list/);
  });
});

describe('ClusterPolicies deploymentSafeguards', () => {
  const doc = policiesDoc({ deploymentSafeguards: true });
  const members = (BUILTINS.deploymentSafeguards.policyDefinitions as readonly string[]).map((d) => d.toLowerCase());

  test('off by default: the initiative is not assigned', () => {
    expect(assignments(policiesDoc()).map((a) => getPath(a.values, 'policy_definition_id'))).not.toContain(BUILTINS.deploymentSafeguards.id);
  });

  test('on: the initiative is one assignment with Deny, the library parameters and every required parameter', () => {
    const a = assignmentOf(doc, 'deploymentSafeguards');
    expect(getPath(a.values, 'resource_id')).toBe('${azurerm_kubernetes_cluster.aks.id}');
    expect(params(a)).toMatchObject({
      effect: { value: 'Deny' },
      allowedContainerImagesRegex: { value: allowedImagesRegex([REGISTRY]) },
      requiredProbes: { value: ['readinessProbe', 'livenessProbe'] },
      excludedNamespaces: { value: SYSTEM_NAMESPACES },
      allowedUsers: { value: [] },
      allowedGroups: { value: [] },
      labels: { value: ['kubernetes.azure.com'] },
      reservedTaints: { value: ['CriticalAddonsOnly'] },
      effectForMutationPolicies: { value: 'Disabled' },
    });
  });

  test('nothing is assigned twice: no separate assignment of a definition the initiative contains', () => {
    const ids = assignments(doc).map((a) => String(getPath(a.values, 'policy_definition_id')).toLowerCase());
    expect(ids.filter((id) => members.includes(id))).toEqual([]);
    expect(ids).not.toContain(BUILTINS.podSecurityRestricted.id.toLowerCase()); // all eight members are in the initiative
    // built-ins outside the initiative stay assigned
    for (const key of ['resourceLimits', 'noDefaultNamespace', 'allowedPullPolicy', 'internalLoadBalancers', 'noAutomountApiCredentials'] as const) {
      expect(ids).toContain(BUILTINS[key].id.toLowerCase());
    }
  });

  test('the items the skipped built-ins delivered stay policy-enforced through the initiative', () => {
    const report = evaluateAll(doc);
    for (const id of ['development/security-context', 'container/allowed-registries-only', 'development/liveness-probe', 'disaster-recovery/pod-anti-affinity', 'development/manifest-good-practices', 'windows/no-privileged-containers'] as const) {
      expect({ id, status: report.get(id)?.status }).toEqual({ id, status: 'compliant' });
    }
  });

  test('options: allowed users and groups, mutations; strictness Audit applies to the initiative', () => {
    const a = assignmentOf(policiesDoc({ deploymentSafeguards: { allowedUsers: ['ops@contoso.com'], allowedGroups: ['g1'], mutations: true }, strictness: { effect: 'Audit', reason: 'rolling out safeguards in audit first' } }), 'deploymentSafeguards');
    expect(params(a)).toMatchObject({ effect: { value: 'Audit' }, allowedUsers: { value: ['ops@contoso.com'] }, allowedGroups: { value: ['g1'] }, effectForMutationPolicies: { value: 'Mutate' } });
  });

  test('bad input: assigning a member again, excluding a member, a malformed user list', () => {
    expect(() => build({ deploymentSafeguards: true }, (p) => p.assign('noPrivilegedContainers'))).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'assign.key' = 'noPrivilegedContainers' is already assigned as a member of the deployment safeguards initiative/);
    expect(() => build({ deploymentSafeguards: true, exclude: { probes: { reason: 'probes are checked in CI instead' } } })).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'exclude.probes' .* member of the deployment safeguards initiative/);
    expect(() => build({ deploymentSafeguards: { allowedUsers: [''] } })).toThrow(/ClusterPolicies(?: '[^']+')?: prop 'deploymentSafeguards.allowedUsers' = \[""\] is not a list of non-empty names/);
  });
});

describe('ClusterGovernance', () => {
  const doc = policiesDoc({}, { governance: {} });
  const governance = (d: TerraformDocument): TfBlock[] => d.resources('azurerm_resource_group_policy_assignment');
  const of = (d: TerraformDocument, key: keyof typeof BUILTINS): TfBlock => governance(d).find((a) => getPath(a.values, 'policy_definition_id') === BUILTINS[key].id)!;

  test("assigns every Azure-resource-level built-in to the cluster's resource group, Deny where allowed, else Audit", () => {
    expect(governance(doc).map((a) => getPath(a.values, 'policy_definition_id'))).toEqual(GOVERNANCE_BUILTINS.map((k) => BUILTINS[k].id));
    for (const key of ['privateClusterRequired', 'localAccountsDisabled', 'hostEncryptionRequired', 'customerManagedDiskKeys'] as const) {
      expect(params(of(doc, key)).effect).toEqual({ value: 'Deny' });
    }
    for (const key of ['kmsEnabled', 'defenderProfileEnabled', 'imageCleanerEnabled', 'workloadIdentityEnabled', 'clusterAutoUpgradeEnabled', 'nodeOsAutoUpgradeEnabled'] as const) {
      expect(params(of(doc, key)).effect).toEqual({ value: 'Audit' });
    }
    expect(params(of(doc, 'clusterAutoUpgradeEnabled')).allowedClusterAutoUpgradeChannels).toEqual({ value: ['patch', 'stable', 'rapid'] });
  });

  test('emits the snake_case keys of azurerm_resource_group_policy_assignment, with a non-compliance message on Deny', () => {
    const a = of(doc, 'privateClusterRequired');
    expect(Object.keys(a.values).filter((k) => k !== '//').sort()).toEqual(['description', 'display_name', 'name', 'non_compliance_message', 'parameters', 'policy_definition_id', 'resource_group_id']);
    expect(getPath(a.values, 'resource_group_id')).toBe('${azurerm_resource_group.rg.id}');
    expect(getPath(a.values, 'name')).toBe('aks-gov-private-cluster-required');
    expect(getPath(a.values, 'non_compliance_message')).toEqual([{ content: expect.stringContaining('Private Clusters should be enabled') }]);
    expect(getPath(of(doc, 'kmsEnabled').values, 'non_compliance_message')).toBeUndefined();
  });

  test('subscription scope; fleet membership audit as an option', () => {
    const sub = policiesDoc({}, { governance: { scope: 'subscription', subscriptionId: '00000000-0000-0000-0000-000000000002', requireFleetMembership: true } });
    const all = sub.resources('azurerm_subscription_policy_assignment');
    expect(all).toHaveLength(GOVERNANCE_BUILTINS.length + 1);
    expect(getPath(all[0].values, 'subscription_id')).toBe('/subscriptions/00000000-0000-0000-0000-000000000002');
    const fleet = all.find((a) => getPath(a.values, 'policy_definition_id') === BUILTINS.fleetMemberRequired.id)!;
    expect(params(fleet).effect).toEqual({ value: 'AuditIfNotExists' });
    expect(governance(sub)).toEqual([]);
  });

  test('loosening takes a reason and is recorded as a waiver', () => {
    const loosened = policiesDoc({}, { governance: { loosen: { privateClusterRequired: { effect: 'Audit', reason: 'public API server until the VPN lands' } } } });
    expect(params(of(loosened, 'privateClusterRequired')).effect).toEqual({ value: 'Audit' });
    expect(JSON.stringify(loosened.json['//'])).toContain('public API server until the VPN lands');
  });

  test('bad input', () => {
    const gov = (props: Partial<ClusterGovernanceProps>): void => void new ClusterGovernance(testStack('gov'), 'g', props as ClusterGovernanceProps);
    expect(() => gov({})).toThrow(/ClusterGovernance 'g': prop 'resourceGroupId' = undefined is not a resource group id/);
    expect(() => gov({ resourceGroupId: 'rg-aks' })).toThrow(/ClusterGovernance 'g': prop 'resourceGroupId' = 'rg-aks' is not a resource group id/);
    expect(() => gov({ scope: 'subscription' })).toThrow(/ClusterGovernance 'g': prop 'subscriptionId' = undefined is required with scope 'subscription'/);
    expect(() => gov({ scope: 'managementGroup' as never, resourceGroupId: RG })).toThrow(/ClusterGovernance 'g': prop 'scope' = 'managementGroup' is not one of "resourceGroup", "subscription"/);
    expect(() => gov({ resourceGroupId: RG, loosen: { privateClusterRequired: { effect: 'Audit', reason: 'short' } } })).toThrow(/ClusterGovernance 'g': prop 'loosen.privateClusterRequired.reason' = 'short' is not a reason a reviewer can judge/);
    expect(() => gov({ resourceGroupId: RG, loosen: { kmsEnabled: { effect: 'Audit', reason: 'long enough reason here' } } })).toThrow(/ClusterGovernance 'g': prop 'loosen.kmsEnabled.effect' = 'Audit' is not weaker than Audit/);
    expect(() => gov({ resourceGroupId: RG, loosen: { probes: { effect: 'Audit', reason: 'long enough reason here' } } as never })).toThrow(/ClusterGovernance 'g': prop 'loosen' = 'probes' is not a built-in ClusterGovernance assigns/);
    expect(() => gov({ resourceGroupId: RG, loosen: { privateClusterRequired: 'Audit' as never } })).toThrow(
      /ClusterGovernance 'g': prop 'loosen\.privateClusterRequired' = 'Audit' is not a loosening with its reason\. Fix: give loosen: \{ privateClusterRequired: \{ effect: 'Audit', reason: '<why>' \} \}/,
    );
    expect(() => gov({ resourceGroupId: RG, allowedUpgradeChannels: ['none' as never] })).toThrow(/ClusterGovernance 'g': prop 'allowedUpgradeChannels' = \["none"\] must list/);
    expect(() => gov({ resourceGroupId: RG, namePrefix: 'aks.gov' })).toThrow(/ClusterGovernance 'g': prop 'namePrefix' = 'aks.gov' is not a valid assignment name prefix/);
  });
});
