import { evaluateItem } from '../../lib/checklist/evaluate';
import type { TerraformDocument } from '../../lib/core/terraform-document';
import { BUILTINS, BuiltinKey } from '../../lib/policy/builtins';
import type { ClusterGovernanceProps } from '../../lib/policy/cluster-governance';
import { ClusterPoliciesProps } from '../../lib/policy/cluster-policies';
import { describeItem } from '../support/items';
import { mutate, synthDoc } from '../support/synth';
import { bareClusterDoc, policiesDoc } from './stack';

const REASON = 'accepted for this test stack';

/** The default stack with one assignment's effect (or another parameter) rewritten. */
function withParam(key: BuiltinKey, param: string, value: unknown, props: Partial<ClusterPoliciesProps> = {}): () => TerraformDocument {
  return () =>
    mutate(policiesDoc(props), (json) => {
      for (const a of Object.values(json.resource.azurerm_resource_policy_assignment) as { policy_definition_id: string; parameters: string }[]) {
        if (a.policy_definition_id === BUILTINS[key].id) {
          const p = JSON.parse(a.parameters);
          p[param] = { value };
          a.parameters = JSON.stringify(p);
        }
      }
    });
}

function without(key: BuiltinKey): () => TerraformDocument {
  return () => policiesDoc({ exclude: { [key]: { reason: REASON } } });
}

const defaults = { 'ClusterPolicies defaults': () => policiesDoc() };
const noAddOn = { 'cluster without the Azure Policy add-on': () => policiesDoc({}, { addOn: false }) };
const notApplicable = {
  'no cluster and no assignment': () => synthDoc(() => undefined),
  'a cluster in a stack that assigns no policy (operations/azure-policy reports it)': bareClusterDoc,
};

/** The usual cases for an item one default built-in delivers. */
function cases(key: BuiltinKey) {
  return {
    compliant: defaults,
    nonCompliant: {
      [`without the ${key} assignment`]: without(key),
      [`${key} with effect Disabled`]: withParam(key, 'effect', 'Disabled'),
      [`${key} with effect Audit`]: withParam(key, 'effect', 'Audit'),
      ...noAddOn,
    },
    notApplicable,
  };
}

const governed = (governance: Partial<ClusterGovernanceProps> = {}): TerraformDocument => policiesDoc({}, { governance });
describeItem('operations/azure-policy', {
  compliant: {
    'ClusterPolicies and ClusterGovernance defaults': () => governed(),
    'ClusterGovernance at subscription scope': () => governed({ scope: 'subscription', subscriptionId: '00000000-0000-0000-0000-000000000002' }),
  },
  nonCompliant: {
    'a cluster without any assignment': bareClusterDoc,
    'in-cluster assignments only, nothing above the cluster (drift outside Terraform goes unnoticed)': () => policiesDoc(),
    'privateClusterRequired loosened to Audit': () => governed({ loosen: { privateClusterRequired: { effect: 'Audit', reason: REASON } } }),
    'workloadIdentityEnabled Disabled': () => governed({ loosen: { workloadIdentityEnabled: { effect: 'Disabled', reason: REASON } } }),
    'a governance assignment with enforce = false': () =>
      mutate(governed(), (json) => ((Object.values(json.resource.azurerm_resource_group_policy_assignment)[0] as { enforce: boolean }).enforce = false)),
    'no governance assignment of the KMS built-in': () =>
      mutate(governed(), (json) => {
        const all = json.resource.azurerm_resource_group_policy_assignment as Record<string, { policy_definition_id: string }>;
        Object.keys(all).filter((k) => all[k].policy_definition_id === BUILTINS.kmsEnabled.id).forEach((k) => delete all[k]);
      }),
    ...noAddOn,
    'every assignment enforce = false': () =>
      mutate(policiesDoc(), (json) => Object.values(json.resource.azurerm_resource_policy_assignment).forEach((a) => ((a as { enforce: boolean }).enforce = false))),
  },
  notApplicable: { 'no cluster and no assignment': () => synthDoc(() => undefined) },
});

describeItem('development/liveness-probe', {
  ...cases('probes'),
  nonCompliant: { ...cases('probes').nonCompliant, 'probes without livenessProbe': () => policiesDoc({ requiredProbes: ['readinessProbe'] }) },
});
describeItem('development/readiness-probe', {
  ...cases('probes'),
  nonCompliant: { ...cases('probes').nonCompliant, 'probes without readinessProbe': () => policiesDoc({ requiredProbes: ['livenessProbe'] }) },
});
describeItem('development/startup-probe', {
  compliant: { 'requiredProbes with startupProbe': () => policiesDoc({ requiredProbes: ['readinessProbe', 'livenessProbe', 'startupProbe'] }) },
  nonCompliant: { 'ClusterPolicies defaults (startup probes not required)': () => policiesDoc(), ...noAddOn },
  notApplicable,
});
describeItem('development/prestop-hook', cases('preStopHook'));
describeItem('development/no-naked-pods', cases('noNakedPods'));
describeItem('development/requests-and-limits', {
  ...cases('resourceLimits'),
  nonCompliant: { ...cases('resourceLimits').nonCompliant, 'without the requests assignment': without('resourceRequests') },
});
describeItem('resource-management/memory-requests-and-limits', {
  ...cases('resourceRequests'),
  nonCompliant: { ...cases('resourceRequests').nonCompliant, 'without the limits assignment': without('resourceLimits') },
});
describeItem('development/security-context', {
  ...cases('noAutomountApiCredentials'),
  nonCompliant: {
    ...cases('noAutomountApiCredentials').nonCompliant,
    'baseline instead of restricted': () => policiesDoc({ podSecurityStandard: { standard: 'baseline', reason: REASON } }),
    'restricted initiative with effect Audit': withParam('podSecurityRestricted', 'effect', 'Audit'),
  },
});
describeItem('development/manifest-good-practices', {
  ...cases('noLatestTag'),
  nonCompliant: { ...cases('noLatestTag').nonCompliant, 'without unique service selectors': without('uniqueServiceSelectors') },
});
describeItem('development/image-pull-policy', cases('allowedPullPolicy'));
describeItem('disaster-recovery/pod-anti-affinity', cases('antiAffinityOrTopologySpread'));
describeItem('resource-management/pod-disruption-budgets', cases('accuratePodDisruptionBudgets'));
describeItem('operations/no-default-namespace', cases('noDefaultNamespace'));
describeItem('network/internal-load-balancer', cases('internalLoadBalancers'));
describeItem('network/ingress-hostname-control', cases('ingressHostRequired'));
describeItem('container/allowed-registries-only', {
  ...cases('allowedImages'),
  nonCompliant: {
    ...cases('allowedImages').nonCompliant,
    'a regex that admits every image': withParam('allowedImages', 'allowedContainerImagesRegex', '^.+$'),
    'an unanchored regex': withParam('allowedImages', 'allowedContainerImagesRegex', 'myacr\\.azurecr\\.io/'),
  },
});
describeItem('windows/no-privileged-containers', {
  ...cases('windowsNoHostProcess'),
  nonCompliant: { ...cases('windowsNoHostProcess').nonCompliant, 'without the ContainerAdministrator assignment': without('windowsNoContainerAdministrator') },
});
describeItem('windows/memory-usage', cases('windowsNoOvercommit'));

describe('policy rules on other Terraform JSON', () => {
  const doc = policiesDoc();

  test('an assignment on a literal cluster id is judged when the cluster is not in the stack', () => {
    const json = mutate(doc, (j) => {
      delete j.resource.azurerm_kubernetes_cluster;
      for (const a of Object.values(j.resource.azurerm_resource_policy_assignment) as { resource_id: string }[]) {
        a.resource_id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks';
      }
    });
    expect(evaluateItem('development/no-naked-pods', json).status).toBe('compliant');
  });

  test('a subscription assignment of an initiative containing the built-in covers the cluster', () => {
    const json = mutate(bareClusterDoc(), (j) => {
      j.resource.azurerm_subscription_policy_assignment = {
        pss: { name: 'pss', subscription_id: '/subscriptions/s', policy_definition_id: BUILTINS.deploymentSafeguards.id, parameters: JSON.stringify({ effect: { value: 'Deny' } }) },
      };
    });
    // the Deployment Safeguards initiative contains the probes built-in
    expect(evaluateItem('development/liveness-probe', json).status).toBe('compliant');
    expect(evaluateItem('development/no-naked-pods', json).status).toBe('non-compliant');
  });

  test('parameters that are not literal JSON cannot prove enforcement: unknown, not a verdict', () => {
    const json = mutate(doc, (j) => {
      for (const a of Object.values(j.resource.azurerm_resource_policy_assignment) as { parameters: string }[]) {
        a.parameters = '${jsonencode(local.params)}';
      }
    });
    expect(evaluateItem('development/prestop-hook', json).status).toBe('unknown');
  });
});
