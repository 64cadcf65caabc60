/**
 * GlobalTrafficManager: a Traffic Manager profile in front of regional deployments (one AKS
 * platform per region), with HTTPS health probes so DNS fails over automatically. It belongs in the
 * `multi-region` example's global stack; each region's public entry point (WAF public IP, or an
 * FQDN) is an endpoint.
 */
import { TrafficManagerAzureEndpoint } from '@cdktf/provider-azurerm/lib/traffic-manager-azure-endpoint';
import { TrafficManagerExternalEndpoint } from '@cdktf/provider-azurerm/lib/traffic-manager-external-endpoint';
import { TrafficManagerProfile } from '@cdktf/provider-azurerm/lib/traffic-manager-profile';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import { Checklist } from '../checklist/checklist';
import { parseIp } from '../core/cidr';
import { PropError } from '../core/errors';
import { atScope, checkHostName, checkInt, checkLoosening, checkName, checkOneOf, checkRegion, checkTags, isKnown, NAME_RULES } from '../core/validate';

/** How Traffic Manager picks an endpoint. */
export type TrafficRoutingMethod = 'Priority' | 'Performance' | 'Weighted';

/** Health probes over plain HTTP: why. */
export interface PlainHttpProbe {
  readonly protocol: 'HTTP';
  /** Why the probe is plain HTTP; recorded as a waiver of disaster-recovery/traffic-manager-routing. */
  readonly reason: string;
}

/** The endpoint health probe. */
export interface TrafficMonitor {
  /**
   * Probe protocol. Plain HTTP sends probes in clear text: a loosening, `{ protocol: 'HTTP', reason }`,
   * recorded as a waiver of disaster-recovery/traffic-manager-routing (a bare `'HTTP'` is rejected).
   * @default 'HTTPS'
   */
  readonly protocol?: 'HTTPS' | 'TCP' | PlainHttpProbe;
  /**
   * Probe port.
   * @default 443 (80 for HTTP)
   */
  readonly port?: number;
  /**
   * Probe path for HTTP(S); must start with '/'.
   * @default '/'
   */
  readonly path?: string;
  /**
   * Seconds between probes: 30 (standard) or 10 (fast, billed extra).
   * @default 30
   */
  readonly intervalSeconds?: 10 | 30;
  /**
   * Probe timeout in seconds: 5-10 with a 30 s interval, 5-9 with a 10 s interval.
   * @default 10 (9 with a 10 s interval)
   */
  readonly timeoutSeconds?: number;
  /**
   * Failed probes tolerated before an endpoint is degraded (0-9).
   * @default 3
   */
  readonly toleratedFailures?: number;
  /**
   * HTTP status code ranges counted as healthy, e.g. ['200-299'].
   * @default ['200-299'] for HTTP(S)
   */
  readonly expectedStatusCodeRanges?: readonly string[];
}

/** One regional endpoint. Give exactly one of `target` and `targetResourceId`. */
export interface TrafficEndpoint {
  /** Endpoint name (1-80 letters, digits, hyphens, periods, underscores). */
  readonly name: string;
  /**
   * FQDN or IPv4 address of the region's entry point (an external endpoint).
   * @default none
   */
  readonly target?: string;
  /**
   * Resource id of an Azure public IP (with a DNS label) or other Azure endpoint.
   * @default none
   */
  readonly targetResourceId?: string;
  /**
   * Azure region of an external endpoint (required for Performance routing).
   * @default none
   */
  readonly location?: string;
  /**
   * Priority (1-1000, unique; lower wins) for Priority routing.
   * @default the next free priority in the order endpoints are added
   */
  readonly priority?: number;
  /**
   * Weight (1-1000) for Weighted routing.
   * @default 1
   */
  readonly weight?: number;
  /**
   * Whether the endpoint takes traffic.
   * @default true
   */
  readonly enabled?: boolean;
}

export interface GlobalTrafficManagerProps {
  /** Profile name (1-63 letters, digits, hyphens). */
  readonly name: string;
  /** Resource group of the profile (Traffic Manager is global: it has no location). */
  readonly resourceGroupName: string;
  /**
   * Tags of the profile.
   * @default {}
   */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * DNS label under trafficmanager.net (globally unique).
   * @default the profile name, lowercased
   */
  readonly dnsRelativeName?: string;
  /**
   * Routing method: Priority (active/passive failover), Performance (closest region) or Weighted.
   * @default 'Priority'
   */
  readonly routingMethod?: TrafficRoutingMethod;
  /**
   * DNS TTL in seconds (0-2147483647); short so clients follow a failover quickly.
   * @default 30
   */
  readonly ttl?: number;
  /**
   * Health probe.
   * @default HTTPS on 443, path '/', every 30 s, 10 s timeout, 3 tolerated failures
   */
  readonly monitor?: TrafficMonitor;
  /**
   * Regional endpoints (more with addEndpoint()).
   * @default none
   */
  readonly endpoints?: readonly TrafficEndpoint[];
}

const NAME = 'GlobalTrafficManager';
type Endpoint = TrafficManagerAzureEndpoint | TrafficManagerExternalEndpoint;

/** A Traffic Manager profile with health-probed regional endpoints. */
export class GlobalTrafficManager extends Construct {
  public readonly profile: TrafficManagerProfile;
  public readonly endpoints: Endpoint[] = [];
  private readonly routingMethod: TrafficRoutingMethod;
  private readonly priorities = new Set<number>();
  /** Explicit priorities of endpoints given in props, kept free for them while others are auto-assigned. */
  private readonly reserved = new Set<number>();
  private readonly names = new Set<string>();

  public constructor(scope: Construct, id: string, props: GlobalTrafficManagerProps) {
    super(scope, id);
    libraryStack(this);
    checkName(this, 'name', props.name, NAME_RULES.trafficManagerProfile);
    const relativeName = props.dnsRelativeName ?? (isKnown(props.name) ? props.name.toLowerCase() : props.name);
    checkName(this, 'dnsRelativeName', relativeName, NAME_RULES.trafficManagerProfile);
    checkOneOf(this, 'routingMethod', props.routingMethod, ['Priority', 'Performance', 'Weighted']);
    checkInt(this, 'ttl', props.ttl, 0, 2147483647, ' seconds');
    checkTags(this, 'tags', props.tags);
    this.routingMethod = props.routingMethod ?? 'Priority';
    const monitor = atScope(this, () => monitorConfig(props.monitor ?? {}));
    const plainHttp = checkLoosening(this, 'monitor.protocol', props.monitor?.protocol, 'protocol', ['HTTP'], 'encrypted probes off (plain HTTP)');
    if (plainHttp) {
      Checklist.of(this).waive('disaster-recovery/traffic-manager-routing', plainHttp.reason);
    }
    this.profile = new TrafficManagerProfile(this, 'profile', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      tags: { ...(props.tags ?? {}) },
      trafficRoutingMethod: this.routingMethod,
      profileStatus: 'Enabled',
      dnsConfig: { relativeName, ttl: props.ttl ?? 30 },
      monitorConfig: monitor,
    });
    for (const endpoint of props.endpoints ?? []) {
      if (endpoint.priority !== undefined && isKnown(endpoint.priority)) {
        if (this.reserved.has(endpoint.priority)) {
          throw new PropError(this, `endpoints[${endpoint.name}].priority`, endpoint.priority, 'is already the priority of another endpoint', 'give each endpoint a unique priority between 1 and 1000');
        }
        this.reserved.add(endpoint.priority);
      }
    }
    for (const endpoint of props.endpoints ?? []) {
      this.addEndpoint(endpoint);
    }
    this.node.addValidation({
      validate: () => {
        if (this.endpoints.length === 0) {
          return [new PropError(this, 'endpoints', [], 'is empty', 'add at least one regional endpoint (two or more for failover) with endpoints or addEndpoint()').message];
        }
        if (this.routingMethod === 'Priority' && this.endpoints.length === 1) {
          const only = [...this.names][0];
          return [new PropError(this, 'endpoints', [only], 'has a single endpoint: a Priority profile fails over to the next endpoint, and there is none', "add the endpoint of a second region (priority 2) with endpoints or addEndpoint(), or drop Traffic Manager until there is one").message];
        }
        return [];
      },
    });
  }

  /** The profile's DNS name (`<dnsRelativeName>.trafficmanager.net`): point the application's CNAME here. */
  public get fqdn(): string {
    return this.profile.fqdn;
  }

  /** Adds a regional endpoint. */
  public addEndpoint(endpoint: TrafficEndpoint): Endpoint {
    const prop = `endpoints[${endpoint.name}]`;
    checkName(this, `${prop}.name`, endpoint.name, NAME_RULES.trafficManagerEndpoint);
    if (this.names.has(endpoint.name)) {
      throw new PropError(this, `${prop}.name`, endpoint.name, 'is already an endpoint of this profile', 'give each endpoint a distinct name');
    }
    if ((endpoint.target === undefined) === (endpoint.targetResourceId === undefined)) {
      throw new PropError(this, `${prop}.target`, endpoint.target ?? endpoint.targetResourceId, 'must be given exactly once: either target (FQDN or IP) or targetResourceId', 'give target for an external endpoint or targetResourceId for an Azure endpoint');
    }
    if (endpoint.target !== undefined && !(isKnown(endpoint.target) && parseIp(endpoint.target) !== undefined)) {
      checkHostName(this, `${prop}.target`, endpoint.target, 'app.westeurope.contoso.com (or a public IPv4 address)');
    }
    if (endpoint.location !== undefined) {
      checkRegion(this, `${prop}.location`, endpoint.location);
    }
    checkInt(this, `${prop}.priority`, endpoint.priority, 1, 1000);
    checkInt(this, `${prop}.weight`, endpoint.weight, 1, 1000);
    if (endpoint.priority !== undefined && isKnown(endpoint.priority) && this.priorities.has(endpoint.priority)) {
      throw new PropError(this, `${prop}.priority`, endpoint.priority, 'is already the priority of another endpoint', 'give each endpoint a unique priority between 1 and 1000');
    }
    if (this.routingMethod === 'Performance' && endpoint.target !== undefined && endpoint.location === undefined) {
      throw new PropError(this, `${prop}.location`, undefined, 'is required for an external endpoint under Performance routing', "give the endpoint's Azure region, e.g. 'westeurope'");
    }
    const priority = endpoint.priority ?? this.nextPriority();
    this.priorities.add(priority);
    this.reserved.delete(priority);
    this.names.add(endpoint.name);
    const common = {
      name: endpoint.name,
      profileId: this.profile.id,
      enabled: endpoint.enabled ?? true,
      priority: this.routingMethod === 'Priority' ? priority : undefined,
      weight: this.routingMethod === 'Weighted' ? (endpoint.weight ?? 1) : undefined,
    };
    const created =
      endpoint.target !== undefined
        ? new TrafficManagerExternalEndpoint(this, `endpoint-${endpoint.name}`, { ...common, target: endpoint.target, endpointLocation: endpoint.location })
        : new TrafficManagerAzureEndpoint(this, `endpoint-${endpoint.name}`, { ...common, targetResourceId: endpoint.targetResourceId as string });
    this.endpoints.push(created);
    return created;
  }

  private nextPriority(): number {
    let p = 1;
    while (this.priorities.has(p) || this.reserved.has(p)) {
      p++;
    }
    if (p > 1000) {
      throw new PropError(this, 'endpoints', p, 'exceeds the 1000 endpoint priorities', 'use fewer endpoints');
    }
    return p;
  }
}

function monitorConfig(monitor: TrafficMonitor): {
  protocol: string;
  port: number;
  path?: string;
  intervalInSeconds: number;
  timeoutInSeconds: number;
  toleratedNumberOfFailures: number;
  expectedStatusCodeRanges?: string[];
} {
  const given = monitor.protocol;
  checkOneOf(NAME, 'monitor.protocol', typeof given === 'object' ? undefined : given, ['HTTPS', 'HTTP', 'TCP']);
  checkOneOf(NAME, 'monitor.intervalSeconds', monitor.intervalSeconds, [10, 30]);
  const protocol = typeof given === 'object' && given !== null ? given.protocol : given ?? 'HTTPS';
  const interval = monitor.intervalSeconds ?? 30;
  const maxTimeout = interval === 10 ? 9 : 10;
  checkInt(NAME, 'monitor.timeoutSeconds', monitor.timeoutSeconds, 5, maxTimeout, ` seconds (with a ${interval} s interval)`);
  checkInt(NAME, 'monitor.toleratedFailures', monitor.toleratedFailures, 0, 9);
  checkInt(NAME, 'monitor.port', monitor.port, 1, 65535);
  const http = protocol !== 'TCP';
  if (!http && (monitor.path !== undefined || monitor.expectedStatusCodeRanges !== undefined)) {
    throw new PropError(NAME, 'monitor.path', monitor.path ?? monitor.expectedStatusCodeRanges, 'is set for a TCP probe', "drop path and expectedStatusCodeRanges, or probe with 'HTTPS'");
  }
  const path = monitor.path ?? '/';
  if (http && isKnown(path) && !path.startsWith('/')) {
    throw new PropError(NAME, 'monitor.path', path, "does not start with '/'", `use '/${path}'`);
  }
  for (const range of monitor.expectedStatusCodeRanges ?? []) {
    const m = /^(\d{3})-(\d{3})$/.exec(range);
    if (!m || Number(m[1]) < 100 || Number(m[2]) > 999 || Number(m[1]) > Number(m[2])) {
      throw new PropError(NAME, 'monitor.expectedStatusCodeRanges', range, 'is not a status code range like 200-299', "give ranges like '200-299'");
    }
  }
  return {
    protocol,
    port: monitor.port ?? (protocol === 'HTTP' ? 80 : 443),
    path: http ? path : undefined,
    intervalInSeconds: interval,
    timeoutInSeconds: monitor.timeoutSeconds ?? maxTimeout,
    toleratedNumberOfFailures: monitor.toleratedFailures ?? 3,
    expectedStatusCodeRanges: http ? [...(monitor.expectedStatusCodeRanges ?? ['200-299'])] : undefined,
  };
}
