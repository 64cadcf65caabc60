/**
 * `WorkloadIdentity`: a user-assigned managed identity that a Kubernetes service account uses
 * through Microsoft Entra Workload ID, with a federated identity credential trusting the cluster's
 * OIDC issuer for `system:serviceaccount:<namespace>:<service account>`. No secret anywhere: the
 * pod exchanges its projected service account token for an Entra token.
 *
 * The cluster needs `oidc_issuer_enabled = true` and `workload_identity_enabled = true`; the
 * service account carries the annotation `azure.workload.identity/client-id: <clientId>`.
 */
import { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import type { IManagedIdentity, PlacementProps } from '../core/contracts';
import { checkDnsLabel, checkDnsSubdomain, checkPlacement, isToken, requireProp } from '../core/validate';

/** The audience Entra expects in a Kubernetes service account token exchange. */
export const WORKLOAD_IDENTITY_AUDIENCE = 'api://AzureADTokenExchange';

/** Props of WorkloadIdentity. */
export interface WorkloadIdentityProps extends PlacementProps {
  /** Name of the user-assigned identity: 3-128 characters, alphanumerics, hyphens and underscores. */
  readonly name: string;
  /** The cluster's OIDC issuer URL (`azurerm_kubernetes_cluster.oidc_issuer_url`). */
  readonly oidcIssuerUrl: string;
  /** Namespace of the service account (an RFC 1123 label). */
  readonly namespace: string;
  /** Name of the service account (an RFC 1123 subdomain). */
  readonly serviceAccount: string;
}

/** Entra allows at most 20 federated credentials per identity. */
const MAX_CREDENTIALS = 20;
const IDENTITY_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,127}$/;

/** A managed identity federated with Kubernetes service accounts. */
export class WorkloadIdentity extends Construct implements IManagedIdentity {
  /** The `azurerm_user_assigned_identity`. */
  public readonly userAssignedIdentity: UserAssignedIdentity;
  public readonly id: string;
  public readonly principalId: string;
  /** Client id: the service account's `azure.workload.identity/client-id` annotation. */
  public readonly clientId: string;
  /** The federated credentials, one per service account. */
  public readonly credentials: FederatedIdentityCredential[] = [];

  private readonly props: WorkloadIdentityProps;

  public constructor(scope: Construct, id: string, props: WorkloadIdentityProps) {
    super(scope, id);
    libraryStack(this);
    checkPlacement(this, props);
    requireProp(IDENTITY_NAME.test(props.name), this, 'name', props.name, 'is not a valid managed identity name', 'use 3-128 letters, digits, hyphens and underscores, starting with a letter or digit');
    if (!isToken(props.oidcIssuerUrl)) {
      requireProp(/^https:\/\/\S+$/.test(props.oidcIssuerUrl), this, 'oidcIssuerUrl', props.oidcIssuerUrl, 'is not an https URL', 'pass the cluster oidc_issuer_url attribute');
    }
    this.props = props;
    this.userAssignedIdentity = new UserAssignedIdentity(this, 'identity', {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.id = this.userAssignedIdentity.id;
    this.principalId = this.userAssignedIdentity.principalId;
    this.clientId = this.userAssignedIdentity.clientId;
    this.federate(props.namespace, props.serviceAccount);
  }

  /**
   * Trusts one more service account (same issuer). At most 20 per identity.
   * @param namespace the service account's namespace (RFC 1123 label)
   * @param serviceAccount the service account's name (RFC 1123 subdomain)
   */
  public federate(namespace: string, serviceAccount: string): FederatedIdentityCredential {
    checkDnsLabel(this, 'namespace', namespace, 'namespace name');
    checkDnsSubdomain(this, 'serviceAccount', serviceAccount, 'Kubernetes service account name');
    requireProp(
      this.credentials.length < MAX_CREDENTIALS,
      this,
      'serviceAccount',
      `${namespace}/${serviceAccount}`,
      `would be federated credential number ${this.credentials.length + 1}, and an identity holds at most ${MAX_CREDENTIALS}`,
      'create another WorkloadIdentity',
    );
    const name = `${namespace}-${serviceAccount}`.replace(/\./g, '-').slice(0, 120);
    const credential = new FederatedIdentityCredential(this, `federation-${name}`, {
      name,
      resourceGroupName: this.props.resourceGroupName,
      parentId: this.userAssignedIdentity.id,
      issuer: this.props.oidcIssuerUrl,
      audience: [WORKLOAD_IDENTITY_AUDIENCE],
      subject: `system:serviceaccount:${namespace}:${serviceAccount}`,
    });
    this.credentials.push(credential);
    return credential;
  }
}
