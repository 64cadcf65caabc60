/**
 * The package as its users see it: every public construct is exported from the package root, the
 * examples import the root as a user's code would, and each example's own package.json asks for the
 * peer versions the library supports.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import * as root from 'aks-checklist-cdktf';

const repo = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Every exported class of lib/ that is a construct, with the module it is declared in. */
function publicConstructs(): { name: string; file: string; value: unknown }[] {
  return tsFiles(path.join(repo, 'lib')).flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(/^export (?:abstract )?class (\w+)/gm)]
      .map((m) => ({ name: m[1], file: path.relative(repo, file), value: (require(file) as Record<string, unknown>)[m[1]] }))
      .filter((c) => typeof c.value === 'function' && (c.value as { prototype: unknown }).prototype instanceof Construct),
  );
}

const EXAMPLES = fs.readdirSync(path.join(repo, 'examples')).filter((e) => fs.existsSync(path.join(repo, 'examples', e, 'main.ts')));

describe('package root', () => {
  test('exports every public construct of lib/', () => {
    const constructs = publicConstructs();
    expect(constructs.map((c) => c.name)).toEqual(expect.arrayContaining(['SecureAksPlatform', 'SecureAksCluster', 'HubEgressRoute', 'EgressFirewall', 'TenantNamespace']));
    const missing = constructs.filter((c) => (root as Record<string, unknown>)[c.name] !== c.value).map((c) => `${c.name} (${c.file})`);
    expect(missing).toEqual([]);
  });

  test('every free function an error message tells the user to call is exported from the root', () => {
    const named = new Set(
      tsFiles(path.join(repo, 'lib')).flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/call `?(\w+)\(\)/g)].map((m) => m[1])),
    );
    expect([...named]).toEqual(expect.arrayContaining(['registerVmSize', 'registerRegion']));
    const methods = new Set(['addNodeSubnet', 'peerSpoke', 'propose']);
    const missing = [...named].filter((n) => !methods.has(n) && typeof (root as Record<string, unknown>)[n] !== 'function');
    expect(missing).toEqual([]);
  });

  test('every public construct adds the library defaults to its stack (libraryStack: enforcement, pictures)', () => {
    const without = publicConstructs().filter((c) => {
      const source = fs.readFileSync(path.join(repo, c.file), 'utf8');
      const body = source.slice(source.indexOf(`class ${c.name} `));
      return !/^\s*super\(scope, id\);\n\s*libraryStack\(this\);/m.test(body.slice(0, body.indexOf('\n  }\n', body.indexOf('constructor(')) + 1));
    });
    expect(without.map((c) => `${c.name} (${c.file})`)).toEqual([]);
  });

  test('exports the functions that add constructs to a stack', () => {
    for (const name of ['platformProvider', 'useRemoteState', 'applicationRoutingConfig']) {
      expect(typeof (root as Record<string, unknown>)[name]).toBe('function');
    }
  });
});

describe.each(EXAMPLES)('example %s', (example) => {
  const dir = path.join(repo, 'examples', example);

  test('imports the library from the package root only', () => {
    const imports = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]));
    expect(imports).toContain('aks-checklist-cdktf');
    expect(imports.filter((i) => i.startsWith('..') || (i.startsWith('aks-checklist-cdktf/')))).toEqual([]);
  });

  test('has its own package.json (the library and its peers at the supported ranges), tsconfig.json and cdktf.json', () => {
    const own = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(own.dependencies['aks-checklist-cdktf']).toBe(`^${pkg.version}`);
    for (const [peer, range] of Object.entries(pkg.peerDependencies)) {
      expect(own.dependencies[peer]).toBe(range);
    }
    expect(own.scripts.synth).toMatch(/tsx main\.ts/);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.json'), 'utf8')).app).toMatch(/tsx main\.ts/);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8')).compilerOptions.strict).toBe(true);
  });

  test('keeps its local Terraform state next to cdktf.out, which synthesis rewrites', () => {
    const source = fs.readFileSync(path.join(dir, 'stack.ts'), 'utf8');
    expect([...source.matchAll(/new LocalBackend\(stack, \{ path: (.*) \}\);/g)].map((m) => m[1])).toEqual(['`../../../terraform.${stack.node.id}.tfstate`']);
  });

  test('its README says how to run it on its own', () => {
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    expect(readme).toMatch(/## On its own/);
    expect(readme).toContain(`cd ../${example}`);
    expect(readme).toContain(`npm install ../aks-checklist-cdktf-${pkg.version}.tgz`);
    expect(readme).toContain('npm run synth');
  });
});

describe('peer dependencies', () => {
  test('cdktf, constructs and the azurerm bindings are peers with ranges, pinned for our own build', () => {
    for (const peer of ['cdktf', 'constructs', '@cdktf/provider-azurerm']) {
      expect(pkg.dependencies[peer]).toBeUndefined();
      expect(pkg.peerDependencies[peer]).toBe(`^${pkg.devDependencies[peer]}`);
    }
  });
});
