/**
 * The Azure Policy built-ins this library assigns or recognises, copied from the built-in
 * definitions (Azure/azure-policy, MIT) so the library works on its own. Only what the project
 * needs is kept: id, display name, version, effects and the declared parameters (type, default,
 * allowed values).
 *
 * Every definition here declares an `effect` parameter; the built-ins export represents it as
 * `effects` (its allowed values) and `defaultEffect` (its default), so `effect` is not repeated in
 * `parameters`. Use `declaredParameters()` for the full list of names an assignment may set.
 *
 * Pure data, no imports: checklist rules read it without loading provider bindings.
 */

/** The type of a policy parameter, as the definition declares it. */
export type PolicyParameterType = 'String' | 'Array' | 'Object' | 'Boolean' | 'Integer' | 'Float' | 'DateTime';

/** A JSON value as a policy parameter holds it. */
export type PolicyValue = string | number | boolean | null | readonly PolicyValue[] | { readonly [key: string]: PolicyValue };

/** One declared parameter of a built-in. */
export interface PolicyParameterSpec {
  readonly type: PolicyParameterType;
  /** The definition's default; absent when the parameter is required. */
  readonly default?: PolicyValue;
  /** The allowed values, when the definition restricts them. */
  readonly allowed?: readonly PolicyValue[];
}

/** A built-in policy definition or initiative (policy set definition). */
export interface BuiltinPolicy {
  /** Full resource id, e.g. `/providers/Microsoft.Authorization/policyDefinitions/<guid>`. */
  readonly id: string;
  readonly kind: 'policyDefinition' | 'policySetDefinition';
  readonly displayName: string;
  readonly version: string;
  readonly preview: boolean;
  /** Allowed values of the `effect` parameter (Azure compares them case-insensitively). */
  readonly effects: readonly string[];
  /** Default of the `effect` parameter. */
  readonly defaultEffect: string;
  /** Declared parameters other than `effect`. */
  readonly parameters: Readonly<Record<string, PolicyParameterSpec>>;
  /** For an initiative: the ids of the definitions it contains. */
  readonly policyDefinitions?: readonly string[];
}

/** The built-ins, keyed by the names this library uses for them. */
export const BUILTINS = {
  podSecurityRestricted: {
    id: "/providers/Microsoft.Authorization/policySetDefinitions/42b8ef37-b724-4e24-bbc8-7a7708edfe00",
    kind: "policySetDefinition",
    displayName: "Kubernetes cluster pod security restricted standards for Linux-based workloads",
    version: "2.5.0",
    preview: false,
    effects: ["audit", "Audit", "deny", "Deny", "disabled", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
      "namespaces": {"type": "Array", "default": []},
      "allowedCapabilities": {"type": "Array", "default": ["CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID", "SETUID", "SETFCAP", "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE"]},
      "requiredDropCapabilities": {"type": "Array", "default": []},
    },
    policyDefinitions: ["/providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4", "/providers/Microsoft.Authorization/policyDefinitions/1c6e92c9-99f0-4e55-9cf2-0c234dc48f99", "/providers/Microsoft.Authorization/policyDefinitions/82985f06-dc18-4a48-bc1c-b9f4f0098cfe", "/providers/Microsoft.Authorization/policyDefinitions/47a1ee2f-2a2a-4576-bf2a-e0e36709c2b8", "/providers/Microsoft.Authorization/policyDefinitions/c26596ff-4d70-4e6a-9a30-c2506bd2f80c", "/providers/Microsoft.Authorization/policyDefinitions/16697877-1118-4fb1-9b65-9898ec2509ec", "/providers/Microsoft.Authorization/policyDefinitions/f06ddb64-5fa3-4b77-b166-acb36f7f6042", "/providers/Microsoft.Authorization/policyDefinitions/975ce327-682c-4f2e-aa46-b9598289b86c"],
  },
  podSecurityBaseline: {
    id: "/providers/Microsoft.Authorization/policySetDefinitions/a8640138-9b0a-4a28-b8cb-1666c838647d",
    kind: "policySetDefinition",
    displayName: "Kubernetes cluster pod security baseline standards for Linux-based workloads",
    version: "1.4.0",
    preview: false,
    effects: ["audit", "Audit", "deny", "Deny", "disabled", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
      "namespaces": {"type": "Array", "default": []},
      "allowedHostPaths": {"type": "Object", "default": {"paths": []}},
    },
    policyDefinitions: ["/providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4", "/providers/Microsoft.Authorization/policyDefinitions/82985f06-dc18-4a48-bc1c-b9f4f0098cfe", "/providers/Microsoft.Authorization/policyDefinitions/47a1ee2f-2a2a-4576-bf2a-e0e36709c2b8", "/providers/Microsoft.Authorization/policyDefinitions/c26596ff-4d70-4e6a-9a30-c2506bd2f80c", "/providers/Microsoft.Authorization/policyDefinitions/098fc59e-46c7-4d99-9b16-64990e543d75"],
  },
  deploymentSafeguards: {
    id: "/providers/Microsoft.Authorization/policySetDefinitions/c047ea8e-9c78-49b2-958b-37e56d291a44",
    kind: "policySetDefinition",
    displayName: "Deployment safeguards should help guide developers towards AKS recommended best practices",
    version: "3.0.0",
    preview: false,
    effects: ["Audit", "Deny", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "source": {"type": "String", "default": "All", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false, "allowed": [true, false]},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc"]},
      "allowedUsers": {"type": "Array"},
      "allowedGroups": {"type": "Array"},
      "excludedContainers": {"type": "Array", "default": []},
      "excludedImages": {"type": "Array", "default": []},
      "labels": {"type": "Array"},
      "allowedContainerImagesRegex": {"type": "String"},
      "reservedTaints": {"type": "Array"},
      "requiredProbes": {"type": "Array", "default": ["readinessProbe", "livenessProbe"]},
      "effectForMutationPolicies": {"type": "String", "default": "Disabled", "allowed": ["Mutate", "Disabled"]},
      "messages": {"type": "Object", "default": {}},
      "allowedHostPorts": {"type": "Array", "default": []},
      "allowedSysctls": {"type": "Array", "default": ["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"]},
      "forcePrivilegeEscalationToBeFalse": {"type": "Boolean", "default": false},
      "windowsAllowedHostPaths": {"type": "Object", "default": {"paths": []}},
      "allowedHostPaths": {"type": "Object", "default": {"paths": []}},
      "allowedAppArmorProfiles": {"type": "Array", "default": ["runtime/default"]},
      "allowedCapabilities": {"type": "Array", "default": []},
      "requiredDropCapabilities": {"type": "Array", "default": []},
      "allowedSeccompProfiles": {"type": "Array", "default": ["RuntimeDefault", "Localhost"]},
      "runAsUserRule": {"type": "String", "default": "MustRunAsNonRoot", "allowed": ["MustRunAs", "MustRunAsNonRoot", "RunAsAny"]},
      "runAsUserRanges": {"type": "Object", "default": {"ranges": []}},
      "allowedVolumeTypes": {"type": "Array", "default": []},
    },
    policyDefinitions: ["/providers/Microsoft.Authorization/policyDefinitions/53a4a537-990c-495a-92e0-7c21a465442c", "/providers/Microsoft.Authorization/policyDefinitions/03a4ecdb-0684-4039-be91-2762979e1bc8", "/providers/Microsoft.Authorization/policyDefinitions/34c88cd4-5d72-4dbb-bf77-12c3cafe8791", "/providers/Microsoft.Authorization/policyDefinitions/a22123bd-b9da-4c86-9424-24903e91fd55", "/providers/Microsoft.Authorization/policyDefinitions/febd0533-8e55-448f-b837-bd0e06f16469", "/providers/Microsoft.Authorization/policyDefinitions/48940d92-ff05-449e-9111-e742d9280451", "/providers/Microsoft.Authorization/policyDefinitions/b1a9997f-2883-4f12-bdff-2280f99b5915", "/providers/Microsoft.Authorization/policyDefinitions/4f3823b6-6dac-4b5a-9c61-ce1afb829f17", "/providers/Microsoft.Authorization/policyDefinitions/b0fdedee-7b9e-4a17-9f5d-5e8e912d2f01", "/providers/Microsoft.Authorization/policyDefinitions/021f8078-41a0-40e6-81b6-c6597da9f3ee", "/providers/Microsoft.Authorization/policyDefinitions/e16d171b-bfe5-4d79-a525-19736b396e92", "/providers/Microsoft.Authorization/policyDefinitions/e24df237-32cb-4a6c-a2f6-85b499cda9f2", "/providers/Microsoft.Authorization/policyDefinitions/47a1ee2f-2a2a-4576-bf2a-e0e36709c2b8", "/providers/Microsoft.Authorization/policyDefinitions/82985f06-dc18-4a48-bc1c-b9f4f0098cfe", "/providers/Microsoft.Authorization/policyDefinitions/5e5a0673-649e-4d50-bf9d-5a387a4e2081", "/providers/Microsoft.Authorization/policyDefinitions/f06ddb64-5fa3-4b77-b166-acb36f7f6042", "/providers/Microsoft.Authorization/policyDefinitions/5485eac0-7e8f-4964-998b-a44f4f0c1e75", "/providers/Microsoft.Authorization/policyDefinitions/1c6e92c9-99f0-4e55-9cf2-0c234dc48f99", "/providers/Microsoft.Authorization/policyDefinitions/098fc59e-46c7-4d99-9b16-64990e543d75", "/providers/Microsoft.Authorization/policyDefinitions/511f5417-5d12-434d-ab2e-816901e72a5e", "/providers/Microsoft.Authorization/policyDefinitions/e1e6c427-07d9-46ab-9689-bfa85431e636", "/providers/Microsoft.Authorization/policyDefinitions/077f0ce1-86d6-4058-bc60-de05067e8622", "/providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4", "/providers/Microsoft.Authorization/policyDefinitions/f85eb0dd-92ee-40e9-8a76-db25a507d6d3", "/providers/Microsoft.Authorization/policyDefinitions/c26596ff-4d70-4e6a-9a30-c2506bd2f80c", "/providers/Microsoft.Authorization/policyDefinitions/975ce327-682c-4f2e-aa46-b9598289b86c", "/providers/Microsoft.Authorization/policyDefinitions/16697877-1118-4fb1-9b65-9898ec2509ec"],
  },
  allowedImages: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/febd0533-8e55-448f-b837-bd0e06f16469",
    kind: "policyDefinition",
    displayName: "Kubernetes cluster containers should only use allowed images",
    version: "9.3.0",
    preview: false,
    effects: ["audit", "Audit", "deny", "Deny", "disabled", "Disabled"],
    defaultEffect: "Deny",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
      "allowedContainerImagesRegex": {"type": "String"},
      "excludedContainers": {"type": "Array", "default": []},
    },
  },
  noPrivilegedContainers: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4",
    kind: "policyDefinition",
    displayName: "Kubernetes cluster should not allow privileged containers",
    version: "9.2.0",
    preview: false,
    effects: ["audit", "Audit", "deny", "Deny", "disabled", "Disabled"],
    defaultEffect: "Deny",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
      "excludedContainers": {"type": "Array", "default": []},
      "excludedImages": {"type": "Array", "default": []},
    },
  },
  noPrivilegeEscalation: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/1c6e92c9-99f0-4e55-9cf2-0c234dc48f99",
    kind: "policyDefinition",
    displayName: "Kubernetes clusters should not allow container privilege escalation",
    version: "8.0.0",
    preview: false,
    effects: ["Audit", "Deny", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
      "forcePrivilegeEscalationToBeFalse": {"type": "Boolean", "default": false},
      "excludedContainers": {"type": "Array", "default": []},
      "excludedImages": {"type": "Array", "default": []},
    },
  },
  readOnlyRootFilesystem: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/df49d893-a74c-421d-bc95-c663042e5b80",
    kind: "policyDefinition",
    displayName: "Kubernetes cluster containers should run with a read only root file system",
    version: "6.3.0",
    preview: false,
    effects: ["audit", "Audit", "deny", "Deny", "disabled", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
      "excludedContainers": {"type": "Array", "default": []},
      "excludedImages": {"type": "Array", "default": []},
    },
  },
  noDefaultNamespace: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/9f061a12-e40d-4183-a00e-171812443373",
    kind: "policyDefinition",
    displayName: "Kubernetes clusters should not use the default namespace",
    version: "4.2.0",
    preview: false,
    effects: ["audit", "Audit", "deny", "Deny", "disabled", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
      "namespaces": {"type": "Array", "default": ["default"]},
      "labelSelector": {"type": "Object", "default": {}},
    },
  },
  internalLoadBalancers: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/3fc4dc25-5baf-40d8-9b05-7fe74c1bc64e",
    kind: "policyDefinition",
    displayName: "Kubernetes clusters should use internal load balancers",
    version: "8.2.0",
    preview: false,
    effects: ["audit", "Audit", "deny", "Deny", "disabled", "Disabled"],
    defaultEffect: "Deny",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
    },
  },
  probes: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/b1a9997f-2883-4f12-bdff-2280f99b5915",
    kind: "policyDefinition",
    displayName: "Ensure cluster containers have readiness or liveness probes configured",
    version: "3.3.0",
    preview: false,
    effects: ["Audit", "Deny", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
      "requiredProbes": {"type": "Array", "default": ["readinessProbe", "livenessProbe"]},
      "excludedContainers": {"type": "Array", "default": []},
      "excludedImages": {"type": "Array", "default": []},
    },
  },
  preStopHook: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/1a3b9003-eac6-4d39-a184-4a567ace7645",
    kind: "policyDefinition",
    displayName: "Kubernetes cluster container images must include the preStop hook",
    version: "1.1.1",
    preview: false,
    effects: ["Audit", "Deny", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
    },
  },
  noNakedPods: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/65280eef-c8b4-425e-9aec-af55e55bf581",
    kind: "policyDefinition",
    displayName: "Kubernetes cluster should not use naked pods",
    version: "2.3.1",
    preview: false,
    effects: ["Audit", "Deny", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
    },
  },
  resourceRequests: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/03a4ecdb-0684-4039-be91-2762979e1bc8",
    kind: "policyDefinition",
    displayName: "Kubernetes cluster containers CPU and memory resource requests must be defined",
    version: "1.0.0-preview",
    preview: false,
    effects: ["Audit", "Deny", "Disabled"],
    defaultEffect: "Deny",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
      "excludedImages": {"type": "Array", "default": []},
    },
  },
  resourceLimits: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/e345eecc-fa47-480f-9e88-67dcc122b164",
    kind: "policyDefinition",
    displayName: "Kubernetes cluster containers CPU and memory resource limits should not exceed the specified limits",
    version: "9.3.0",
    preview: false,
    effects: ["audit", "Audit", "deny", "Deny", "disabled", "Disabled"],
    defaultEffect: "Deny",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
      "cpuLimit": {"type": "String"},
      "memoryLimit": {"type": "String"},
      "excludedContainers": {"type": "Array", "default": []},
      "excludedImages": {"type": "Array", "default": []},
    },
  },
  antiAffinityOrTopologySpread: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/34c88cd4-5d72-4dbb-bf77-12c3cafe8791",
    kind: "policyDefinition",
    displayName: "Must Have Anti Affinity Rules or Topology Spread Constraints Set",
    version: "1.2.2",
    preview: false,
    effects: ["Audit", "Deny", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
    },
  },
  httpsOnlyIngress: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/1a5b4dca-0b6f-4cf5-907c-56316bc1bf3d",
    kind: "policyDefinition",
    displayName: "Kubernetes clusters should be accessible only over HTTPS",
    version: "9.0.0",
    preview: false,
    effects: ["Audit", "Deny", "Disabled"],
    defaultEffect: "Deny",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
    },
  },
  ingressHostRequired: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/d8c942c6-16a3-400b-8f2e-785f44030036",
    kind: "policyDefinition",
    displayName: "Kubernetes clusters should specify host in ingress resource rules",
    version: "1.1.0-preview",
    preview: false,
    effects: ["Audit", "Deny", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
    },
  },
  noLatestTag: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/021f8078-41a0-40e6-81b6-c6597da9f3ee",
    kind: "policyDefinition",
    displayName: "Kubernetes cluster container images should not include latest image tag",
    version: "2.0.1",
    preview: false,
    effects: ["Audit", "Deny", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
    },
  },
  allowedPullPolicy: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/50c83470-d2f0-4dda-a716-1938a4825f62",
    kind: "policyDefinition",
    displayName: "Kubernetes cluster containers should only use allowed pull policy",
    version: "3.2.0",
    preview: false,
    effects: ["Audit", "Deny", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
      "allowedPullPolicy": {"type": "Array", "default": ["IfNotPresent", "Never"]},
      "excludedImages": {"type": "Array", "default": []},
    },
  },
  noAutomountApiCredentials: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/423dd1ba-798e-40e4-9c4d-b6902674b423",
    kind: "policyDefinition",
    displayName: "Kubernetes clusters should disable automounting API credentials",
    version: "4.2.0",
    preview: false,
    effects: ["audit", "Audit", "deny", "Deny", "disabled", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedImages": {"type": "Array", "default": []},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
    },
  },
  uniqueServiceSelectors: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/b0fdedee-7b9e-4a17-9f5d-5e8e912d2f01",
    kind: "policyDefinition",
    displayName: "Kubernetes cluster services should use unique selectors",
    version: "1.2.2",
    preview: false,
    effects: ["Audit", "Deny", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
    },
  },
  accuratePodDisruptionBudgets: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/d9e8f2c1-4c5a-4f5c-8b5a-2abf1e9f7b4d",
    kind: "policyDefinition",
    displayName: "[Preview]: Kubernetes cluster should implement accurate Pod Disruption Budgets",
    version: "1.3.1-preview",
    preview: true,
    effects: ["Audit", "Deny", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
    },
  },
  clusterAdminRoleMinimized: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/a3dc4946-dba6-43e6-950d-f96532848c9f",
    kind: "policyDefinition",
    displayName: "Kubernetes clusters should ensure that the cluster-admin role is only used where required",
    version: "1.1.0",
    preview: false,
    effects: ["Audit", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
    },
  },
  minimizeRbacWildcards: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/ca8d5704-aa2b-40cf-b110-dc19052825ad",
    kind: "policyDefinition",
    displayName: "Kubernetes clusters should minimize wildcard use in role and cluster role",
    version: "1.1.0",
    preview: false,
    effects: ["Audit", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
    },
  },
  windowsNoContainerAdministrator: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/5485eac0-7e8f-4964-998b-a44f4f0c1e75",
    kind: "policyDefinition",
    displayName: "Kubernetes cluster Windows containers should not run as ContainerAdministrator",
    version: "1.2.0",
    preview: false,
    effects: ["Audit", "Deny", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
      "excludedImages": {"type": "Array", "default": []},
    },
  },
  windowsNoHostProcess: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/077f0ce1-86d6-4058-bc60-de05067e8622",
    kind: "policyDefinition",
    displayName: "Kubernetes cluster Windows pods should not run HostProcess containers",
    version: "1.0.0",
    preview: false,
    effects: ["Audit", "Deny", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
      "excludedImages": {"type": "Array", "default": []},
    },
  },
  windowsNoOvercommit: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/a2abc456-f0ae-464b-bd3a-07a3cdbd7fb1",
    kind: "policyDefinition",
    displayName: "Kubernetes cluster Windows containers should not overcommit cpu and memory",
    version: "2.2.0",
    preview: false,
    effects: ["Audit", "Deny", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
      "warn": {"type": "Boolean", "default": false},
      "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
      "namespaces": {"type": "Array", "default": []},
      "labelSelector": {"type": "Object", "default": {}},
      "excludedImages": {"type": "Array", "default": []},
    },
  },

  // Azure-resource-level built-ins (mode Indexed): they judge the Microsoft.ContainerService/managedClusters
  // resource itself, at any scope above it (ClusterGovernance assigns them to the resource group).
  privateClusterRequired: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/040732e8-d947-40b8-95d6-854c95024bf8",
    kind: "policyDefinition",
    displayName: "Azure Kubernetes Service Private Clusters should be enabled",
    version: "1.0.1",
    preview: false,
    effects: ["Audit", "Deny", "Disabled"],
    defaultEffect: "Audit",
    parameters: {},
  },
  localAccountsDisabled: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/993c2fcd-2b29-49d2-9eb0-df2c3a730c32",
    kind: "policyDefinition",
    displayName: "Azure Kubernetes Service Clusters should have local authentication methods disabled",
    version: "1.0.1",
    preview: false,
    effects: ["Audit", "Deny", "Disabled"],
    defaultEffect: "Audit",
    parameters: {},
  },
  hostEncryptionRequired: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/41425d9f-d1a5-499a-9932-f8ed8453932c",
    kind: "policyDefinition",
    displayName: "Temp disks and cache for agent node pools in Azure Kubernetes Service clusters should be encrypted at host",
    version: "1.0.1",
    preview: false,
    effects: ["Audit", "Deny", "Disabled"],
    defaultEffect: "Audit",
    parameters: {},
  },
  customerManagedDiskKeys: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/7d7be79c-23ba-4033-84dd-45e2a5ccdd67",
    kind: "policyDefinition",
    displayName: "Both operating systems and data disks in Azure Kubernetes Service clusters should be encrypted by customer-managed keys",
    version: "1.0.1",
    preview: false,
    effects: ["Audit", "Deny", "Disabled"],
    defaultEffect: "Audit",
    parameters: {},
  },
  kmsEnabled: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/dbbdc317-9734-4dd8-9074-993b29c69008",
    kind: "policyDefinition",
    displayName: "Azure Kubernetes Clusters should enable Key Management Service (KMS)",
    version: "1.1.0",
    preview: false,
    effects: ["Audit", "Disabled"],
    defaultEffect: "Audit",
    parameters: {},
  },
  defenderProfileEnabled: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/a1840de2-8088-4ea8-b153-b4c723e9cb01",
    kind: "policyDefinition",
    displayName: "Azure Kubernetes Service clusters should have Defender profile enabled",
    version: "2.0.1",
    preview: false,
    effects: ["Audit", "Disabled"],
    defaultEffect: "Audit",
    parameters: {},
  },
  imageCleanerEnabled: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/af3c26b2-6fad-493e-9236-9c68928516ab",
    kind: "policyDefinition",
    displayName: "Azure Kubernetes Service Clusters should enable Image Cleaner",
    version: "1.0.0",
    preview: false,
    effects: ["Audit", "Disabled"],
    defaultEffect: "Audit",
    parameters: {},
  },
  workloadIdentityEnabled: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/2cc2e023-0dac-4046-875b-178f683929d5",
    kind: "policyDefinition",
    displayName: "Azure Kubernetes Service Clusters should enable workload identity",
    version: "1.0.0",
    preview: false,
    effects: ["Audit", "Disabled"],
    defaultEffect: "Audit",
    parameters: {},
  },
  clusterAutoUpgradeEnabled: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/5c345cdf-2049-47e0-b8fe-b0e96bc2df35",
    kind: "policyDefinition",
    displayName: "Azure Kubernetes Service Clusters should enable cluster auto-upgrade",
    version: "1.0.0",
    preview: false,
    effects: ["Audit", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "allowedClusterAutoUpgradeChannels": {"type": "Array", "default": ["rapid", "stable", "patch"], "allowed": ["rapid", "stable", "patch", "node-image", "none"]},
    },
  },
  nodeOsAutoUpgradeEnabled: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/04408ca5-aa10-42ce-8536-98955cdddd4c",
    kind: "policyDefinition",
    displayName: "Azure Kubernetes Service Clusters should enable node os auto-upgrade",
    version: "1.0.0",
    preview: false,
    effects: ["Audit", "Disabled"],
    defaultEffect: "Audit",
    parameters: {
      "allowedNodeOsUpgradeChannels": {"type": "Array", "default": ["NodeImage", "SecurityPatch"], "allowed": ["None", "Unmanaged", "NodeImage", "SecurityPatch"]},
    },
  },
  entraIdIntegrationEnabled: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/450d2877-ebea-41e8-b00c-e286317d21bf",
    kind: "policyDefinition",
    displayName: "Azure Kubernetes Service Clusters should enable Microsoft Entra ID integration",
    version: "1.0.2",
    preview: false,
    effects: ["Audit", "Disabled"],
    defaultEffect: "Audit",
    parameters: {},
  },
  managedIdentitiesUsed: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/da6e2401-19da-4532-9141-fb8fbde08431",
    kind: "policyDefinition",
    displayName: "Azure Kubernetes Service Clusters should use managed identities",
    version: "1.0.1",
    preview: false,
    effects: ["Audit", "Disabled"],
    defaultEffect: "Audit",
    parameters: {},
  },
  azurePolicyAddOnEnabled: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/0a15ec92-a229-4763-bb14-0ea34a568f8d",
    kind: "policyDefinition",
    displayName: "Azure Policy Add-on for Kubernetes service (AKS) should be installed and enabled on your clusters",
    version: "1.0.2",
    preview: false,
    effects: ["Audit", "Disabled"],
    defaultEffect: "Audit",
    parameters: {},
  },
  commandInvokeDisabled: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/89f2d532-c53c-4f8f-9afa-4927b1114a0d",
    kind: "policyDefinition",
    displayName: "Azure Kubernetes Service Clusters should disable Command Invoke",
    version: "1.0.1",
    preview: false,
    effects: ["Audit", "Disabled"],
    defaultEffect: "Audit",
    parameters: {},
  },
  fleetMemberRequired: {
    id: "/providers/Microsoft.Authorization/policyDefinitions/c7f49635-e3f0-4986-b072-90d0c7c3d4cd",
    kind: "policyDefinition",
    displayName: "Azure Kubernetes Service clusters should be a member of an Azure Kubernetes Fleet Manager.",
    version: "1.0.0",
    preview: false,
    effects: ["AuditIfNotExists", "Disabled"],
    defaultEffect: "AuditIfNotExists",
    parameters: {
      "skip-cluster-tag": {"type": "String", "default": ""},
    },
  },

} as const satisfies Record<string, BuiltinPolicy>;

/** The key of a built-in this library knows, e.g. `allowedImages`. */
export type BuiltinKey = keyof typeof BUILTINS;

/** The built-in for a key. */
export function builtinPolicy(key: BuiltinKey): BuiltinPolicy {
  return BUILTINS[key];
}

/** Whether a string is a known built-in key. */
export function isBuiltinKey(key: string): key is BuiltinKey {
  return Object.prototype.hasOwnProperty.call(BUILTINS, key);
}

/** Every parameter name a definition declares, `effect` included. */
export function declaredParameters(policy: BuiltinPolicy): string[] {
  return ['effect', ...Object.keys(policy.parameters)];
}

/** The last segment of a definition id, lower-cased (Azure ids are case-insensitive). */
export function definitionGuid(id: string): string {
  return id.split('/').filter(Boolean).pop()?.toLowerCase() ?? '';
}

/** The known built-in with this id (full id or bare guid, any case), if any. */
export function builtinById(id: string): BuiltinPolicy | undefined {
  byGuid ??= new Map((Object.values(BUILTINS) as BuiltinPolicy[]).map((b) => [definitionGuid(b.id), b]));
  return byGuid.get(definitionGuid(id));
}

let byGuid: Map<string, BuiltinPolicy> | undefined;

/** The known built-in with this display name, if any. */
export function builtinByDisplayName(name: string): BuiltinPolicy | undefined {
  return (Object.values(BUILTINS) as BuiltinPolicy[]).find((b) => b.displayName === name);
}

/**
 * Whether a definition id (or an initiative containing it) covers the given built-in definition. A
 * wanted initiative is covered by itself, or by an initiative that contains every one of its members.
 */
export function covers(assignedId: string, wanted: BuiltinPolicy): boolean {
  const guid = definitionGuid(wanted.id);
  if (definitionGuid(assignedId) === guid) {
    return true;
  }
  const members = builtinById(assignedId)?.policyDefinitions?.map(definitionGuid) ?? [];
  if (wanted.policyDefinitions) {
    return wanted.policyDefinitions.every((d) => members.includes(definitionGuid(d)));
  }
  return members.includes(guid);
}
