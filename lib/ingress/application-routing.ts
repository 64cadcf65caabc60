/**
 * The cluster's application routing add-on (managed NGINX ingress): the `web_app_routing` block of
 * azurerm_kubernetes_cluster. SecureAksCluster owns the cluster, so this module returns the typed
 * block value for its `webAppRouting` prop rather than creating anything.
 */
import type { KubernetesClusterWebAppRouting } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import type { Construct } from 'constructs';
import { Checklist } from '../checklist/checklist';
import { PropError } from '../core/errors';
import { checkLoosening, isKnown } from '../core/validate';

/** Where the default NGINX controller's load balancer listens (azurerm 4.55 allowed values). */
export type NginxControllerExposure = 'Internal' | 'None' | 'External' | 'AnnotationControlled';

/** The exposures that create no public load balancer. */
export const PRIVATE_NGINX_EXPOSURES: readonly NginxControllerExposure[] = ['Internal', 'None'];

export interface ApplicationRoutingProps {
  /**
   * Azure DNS zones (public or private) the add-on manages records in. Public zones must share one
   * resource group, private zones one resource group. Grant the add-on's identity (the cluster's
   * `web_app_routing.web_app_routing_identity`) "DNS Zone Contributor" / "Private DNS Zone
   * Contributor" on them.
   * @default [] (no DNS integration)
   */
  readonly dnsZoneIds?: readonly string[];
  /**
   * The default NGINX controller. `Internal` puts it behind an internal load balancer; `None`
   * creates no default controller (you declare NginxIngressController objects yourself).
   * `External` and `AnnotationControlled` (the AKS default) expose a public load balancer: a
   * loosening, `{ exposure: 'External' | 'AnnotationControlled', reason }` (e.g. "public site, WAF is
   * Front Door in front"), recorded as a waiver of network/internal-load-balancer on `scope` (a
   * bare `'External'` or `'AnnotationControlled'` is rejected).
   * @default 'Internal'
   */
  readonly defaultNginxController?: 'Internal' | 'None' | PublicNginxController;
}

/** A default NGINX controller behind a public load balancer: why. */
export interface PublicNginxController {
  readonly exposure: 'External' | 'AnnotationControlled';
  /** Why the default controller must be public; recorded as a waiver of network/internal-load-balancer. */
  readonly reason: string;
}

const NAME = 'applicationRoutingConfig';
const EXPOSURES: readonly NginxControllerExposure[] = ['Internal', 'None', 'External', 'AnnotationControlled'];

/**
 * The `web_app_routing` block for SecureAksCluster's `webAppRouting` prop: application routing with
 * an internal load balancer by default.
 * @param scope the construct the waiver is recorded on (the cluster) when the controller is public;
 * its path is in the errors
 */
export function applicationRoutingConfig(scope: Construct, props: ApplicationRoutingProps = {}): KubernetesClusterWebAppRouting {
  const at = { construct: NAME, scope };
  const given = props.defaultNginxController;
  const exposure = typeof given === 'object' && given !== null ? given.exposure : given ?? 'Internal';
  if (!EXPOSURES.includes(exposure)) {
    throw new PropError(at, 'defaultNginxController', exposure, `is not one of ${EXPOSURES.join(', ')}`, "use 'Internal' (or 'None' to declare controllers yourself)");
  }
  const exposed = checkLoosening(at, 'defaultNginxController', given, 'exposure', ['External', 'AnnotationControlled'], 'the internal load balancer off (a public NGINX controller)');
  if (exposed) {
    Checklist.of(scope).waive('network/internal-load-balancer', exposed.reason);
  }
  const dnsZoneIds = [...(props.dnsZoneIds ?? [])];
  for (const id of dnsZoneIds) {
    if (isKnown(id) && !/\/providers\/Microsoft\.Network\/(dnszones|privateDnsZones)\/[^/]+$/i.test(id)) {
      throw new PropError(at, 'dnsZoneIds', id, 'is not the resource id of an Azure DNS zone or private DNS zone', 'pass azurerm_dns_zone.id or azurerm_private_dns_zone.id');
    }
  }
  return { dnsZoneIds, defaultNginxController: exposure };
}
