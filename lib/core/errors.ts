/**
 * Input errors. Every message names the construct, the prop, the bad value and the fix, so a
 * platform team can correct its input from the message alone.
 */

/** An Error for a bad prop value, thrown at construction time. */
export class PropError extends Error {
  /**
   * @param construct the construct's class name, e.g. `SecureAksCluster`
   * @param prop the prop path, e.g. `network.serviceCidr`
   * @param value the value given
   * @param problem what is wrong with it
   * @param fix what to do instead
   */
  public constructor(
    public readonly construct: string,
    public readonly prop: string,
    public readonly value: unknown,
    problem: string,
    fix: string,
  ) {
    super(`${construct}: prop '${prop}' = ${show(value)} ${problem}. Fix: ${fix}`);
    this.name = 'PropError';
  }
}

/** Throws a PropError unless `ok`. */
export function assertProp(ok: boolean, construct: string, prop: string, value: unknown, problem: string, fix: string): void {
  if (!ok) {
    throw new PropError(construct, prop, value, problem, fix);
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') {
    return `'${value}'`;
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
