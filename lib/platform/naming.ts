/**
 * Deterministic, per-environment resource names that respect each resource type's Azure rules.
 * The same inputs always give the same names, so a whitespace redeployment recreates the same
 * platform; globally unique names (registry, vault, storage) carry a short suffix derived from the
 * inputs, or one the team chooses.
 */
import { createHash } from 'crypto';
import { PropError } from '../core/errors';

export interface NamingProps {
  /** Organisation or platform prefix: 2-8 lowercase letters and digits, starting with a letter. */
  readonly prefix: string;
  /** Environment: 1-8 lowercase letters and digits, e.g. `prod`, `dev`, `rehearsal1`. */
  readonly environment: string;
  /** Azure region, e.g. `westeurope`. */
  readonly location: string;
  /**
   * Suffix for globally unique names (4-6 lowercase letters and digits).
   * @default a 4-character hash of prefix, environment and location
   */
  readonly uniqueSuffix?: string;
}

/** Short codes of the regions the library knows; other regions use their name without vowels. */
const REGION_CODES: Readonly<Record<string, string>> = {
  westeurope: 'weu',
  northeurope: 'neu',
  swedencentral: 'sec',
  swedensouth: 'ses',
  germanywestcentral: 'gwc',
  germanynorth: 'gn',
  francecentral: 'frc',
  francesouth: 'frs',
  uksouth: 'uks',
  ukwest: 'ukw',
  switzerlandnorth: 'chn',
  switzerlandwest: 'chw',
  norwayeast: 'noe',
  norwaywest: 'now',
  eastus: 'eus',
  eastus2: 'eus2',
  westus: 'wus',
  westus2: 'wus2',
  westus3: 'wus3',
  centralus: 'cus',
  southcentralus: 'scus',
  northcentralus: 'ncus',
  canadacentral: 'cac',
  canadaeast: 'cae',
  australiaeast: 'aue',
  australiasoutheast: 'ause',
  japaneast: 'jpe',
  japanwest: 'jpw',
  southeastasia: 'sea',
  eastasia: 'ea',
  centralindia: 'inc',
  southindia: 'ins',
  koreacentral: 'krc',
  koreasouth: 'krs',
  brazilsouth: 'brs',
  southafricanorth: 'san',
  uaenorth: 'uan',
};

const PREFIX = /^[a-z][a-z0-9]{1,7}$/;
const ENVIRONMENT = /^[a-z0-9]{1,8}$/;
const SUFFIX = /^[a-z0-9]{4,6}$/;
const PURPOSE = /^[a-z0-9]{1,12}$/;

/** The short code of a region. */
export function regionCode(location: string): string {
  const key = location.toLowerCase().replace(/[\s-]/g, '');
  return REGION_CODES[key] ?? key.replace(/[aeiou]/g, '').slice(0, 6);
}

/** Names for one environment of one platform in one region. */
export class Naming {
  public readonly prefix: string;
  public readonly environment: string;
  public readonly location: string;
  public readonly region: string;
  public readonly suffix: string;

  public constructor(props: NamingProps) {
    if (!PREFIX.test(props.prefix ?? '')) {
      throw new PropError('Naming', 'prefix', props.prefix, 'is not 2-8 lowercase letters and digits starting with a letter', "use a short platform prefix such as 'contoso'");
    }
    if (!ENVIRONMENT.test(props.environment ?? '')) {
      throw new PropError('Naming', 'environment', props.environment, 'is not 1-8 lowercase letters and digits', "use a short environment name such as 'prod' or 'rehears1'");
    }
    if (!props.location || !/^[a-z0-9]+$/.test(props.location)) {
      throw new PropError('Naming', 'location', props.location, 'is not an Azure region name', "use the region's programmatic name, e.g. 'westeurope'");
    }
    if (props.uniqueSuffix !== undefined && !SUFFIX.test(props.uniqueSuffix)) {
      throw new PropError('Naming', 'uniqueSuffix', props.uniqueSuffix, 'is not 4-6 lowercase letters and digits', 'choose a short suffix, or leave it out to derive one');
    }
    this.prefix = props.prefix;
    this.environment = props.environment;
    this.location = props.location;
    this.region = regionCode(props.location);
    this.suffix = props.uniqueSuffix ?? createHash('sha256').update(`${props.prefix}/${props.environment}/${props.location}`).digest('hex').slice(0, 4);
  }

  /** Resource group (1-90: letters, digits, `-_.()`, not ending in `.`). */
  public resourceGroup(purpose: string): string {
    return this.dashed('rg', purpose, 90);
  }

  /** AKS cluster (1-63: alphanumerics, `-` and `_`, alphanumeric at both ends). */
  public cluster(purpose = 'main'): string {
    return this.dashed('aks', purpose, 63);
  }

  /** Container registry (5-50 alphanumerics, globally unique). */
  public registry(): string {
    return this.compact('acr', '', 50, 5);
  }

  /** Key Vault (3-24: letters, digits and single hyphens, starting with a letter; globally unique). */
  public keyVault(purpose = ''): string {
    const name = ['kv', this.prefix, this.environment, purpose, this.suffix].filter(Boolean).join('-');
    return name.length <= 24 ? name : ['kv', this.prefix.slice(0, 4), this.environment.slice(0, 4), purpose.slice(0, 4), this.suffix].filter(Boolean).join('-');
  }

  /** Storage account (3-24 lowercase letters and digits, globally unique). */
  public storageAccount(purpose: string): string {
    return this.compact('st', purpose, 24, 3);
  }

  /** Any other resource: `<abbreviation>-<prefix>-<environment>-<region>-<purpose>`, cut to `max`. */
  public generic(abbreviation: string, purpose: string, max = 80): string {
    return this.dashed(abbreviation, purpose, max);
  }

  /** Names of the alerting baseline (OperationsAlerting): action group, alert rule stem, Event Grid system topic. */
  public alerting(): { actionGroupName: string; actionGroupShortName: string; name: string; systemTopicName: string } {
    return {
      actionGroupName: this.generic('ag', 'ops', 260),
      actionGroupShortName: `${this.prefix.slice(0, 4)}-${this.environment}`.slice(0, 12),
      name: this.generic('alert', 'aks', 200),
      systemTopicName: this.generic('evgt', 'aks', 128),
    };
  }

  /** A Kubernetes node pool name (`^[a-z][a-z0-9]{0,11}$`). */
  public nodePool(purpose: string): string {
    return purpose.replace(/[^a-z0-9]/g, '').replace(/^[0-9]+/, '').slice(0, 12) || 'pool';
  }

  private dashed(abbreviation: string, purpose: string, max: number): string {
    this.checkPurpose(purpose);
    const name = [abbreviation, this.prefix, this.environment, this.region, purpose].filter(Boolean).join('-');
    return name.slice(0, max).replace(/[-_.]+$/, '');
  }

  private compact(abbreviation: string, purpose: string, max: number, min: number): string {
    if (purpose) {
      this.checkPurpose(purpose);
    }
    const fixed = `${abbreviation}${purpose}${this.suffix}`;
    const name = `${abbreviation}${this.prefix}${this.environment}${purpose}`.slice(0, max - this.suffix.length) + this.suffix;
    return name.length >= min ? name : fixed;
  }

  private checkPurpose(purpose: string): void {
    if (purpose !== '' && !PURPOSE.test(purpose)) {
      throw new PropError('Naming', 'purpose', purpose, 'is not 1-12 lowercase letters and digits', "use a short word such as 'hub', 'spoke' or 'ops'");
    }
  }
}
