/**
 * Enforce the import directions of ARCHITECTURE.md. For every source file under
 * packages/<name>/src: imports must be relative, an allowed workspace package declared in the
 * package's package.json, or a declared npm dependency; pure packages may not import Node
 * built-ins nor use Date or Math.random. Exit 1 with one line per violation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CORE_LAYERS, ENTRY_RULES, PURE_PACKAGES, TEST_RULES, WORKSPACE_RULES } from './import-rules.js';

export type Violation = { file: string; line: number; message: string };

const IMPORT_RE =
  /(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

const isTest = (name: string) => /\.test\.tsx?$/.test(name);

/** `.ts`/`.tsx` files under dir (none when it does not exist), skipping fixtures folders. */
function tsFiles(dir: string): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'fixtures' && name !== 'node_modules') out = out.concat(tsFiles(p));
    } else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return tsFiles(dir).filter((p) => !isTest(p));
}

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

export function checkImports(root: string): Violation[] {
  const violations: Violation[] = [];
  const pkgsDir = join(root, 'packages');
  for (const pkg of readdirSync(pkgsDir)) {
    const srcDir = join(pkgsDir, pkg, 'src');
    const allowedWorkspace = WORKSPACE_RULES[pkg];
    let manifest: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    try {
      manifest = JSON.parse(readFileSync(join(pkgsDir, pkg, 'package.json'), 'utf8'));
      statSync(srcDir);
    } catch {
      continue;
    }
    if (!allowedWorkspace) {
      violations.push({
        file: join('packages', pkg),
        line: 0,
        message: `package "${pkg}" has no rule in scripts/import-rules.ts`,
      });
      continue;
    }
    const declared = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.devDependencies ?? {}),
    ]);
    const pure = PURE_PACKAGES.includes(pkg);
    for (const file of sourceFiles(srcDir)) {
      const text = readFileSync(file, 'utf8');
      const rel = relative(root, file);
      for (const m of text.matchAll(IMPORT_RE)) {
        const spec = m[1] ?? m[2] ?? m[3];
        if (!spec) continue;
        const line = lineOf(text, m.index ?? 0);
        if (spec.startsWith('.')) {
          if (pkg === 'core') {
            const problem = coreFloorProblem(srcDir, file, spec);
            if (problem) violations.push({ file: rel, line, message: problem });
          }
          continue;
        }
        const name = packageName(spec);
        if (BUILTINS.has(spec) || BUILTINS.has(name)) {
          if (pure)
            violations.push({
              file: rel,
              line,
              message: `${pkg} is pure and may not import the Node built-in "${spec}"`,
            });
          continue;
        }
        if (name.startsWith('@assay/')) {
          const target = name.slice('@assay/'.length);
          if (/\/testing(\/|$)/.test(spec))
            violations.push({ file: rel, line, message: `source may not import test fixtures ("${spec}")` });
          const entries = ENTRY_RULES[pkg]?.[name];
          if (entries && !entries.includes(spec))
            violations.push({
              file: rel,
              line,
              message: `${pkg} imports ${name} only through ${entries.join(', ')}, not "${spec}"`,
            });
          if (!allowedWorkspace.includes(target))
            violations.push({
              file: rel,
              line,
              message: `${pkg} may not import @assay/${target} (allowed: ${allowedWorkspace.join(', ') || 'none'})`,
            });
          else if (!declared.has(name))
            violations.push({
              file: rel,
              line,
              message: `${pkg} imports ${name} without declaring it in package.json`,
            });
          continue;
        }
        if (!declared.has(name))
          violations.push({
            file: rel,
            line,
            message: `${pkg} imports "${name}" without declaring it in package.json`,
          });
      }
      if (pure) {
        for (const m of text.matchAll(
          /\bnew Date\b|\bDate\.now\b|\bMath\.random\b|\bperformance\.now\b|\bprocess\./g,
        )) {
          violations.push({
            file: rel,
            line: lineOf(text, m.index ?? 0),
            message: `${pkg} is pure and may not use "${m[0]}"`,
          });
        }
      }
    }
    violations.push(...checkTestImports(root, pkg, allowedWorkspace, declared));
  }
  return violations;
}

/** The area (first folder under core/src) of a path, or undefined for core/src's top files. */
function coreArea(srcDir: string, path: string): string | undefined {
  const parts = relative(srcDir, path).split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

/** A relative import inside core that goes up a floor or sideways (CORE_LAYERS), or undefined. */
function coreFloorProblem(srcDir: string, file: string, spec: string): string | undefined {
  const from = coreArea(srcDir, file);
  const to = coreArea(srcDir, resolve(dirname(file), spec));
  if (from === undefined || to === undefined || from === to) return undefined;
  const allowed = CORE_LAYERS[from];
  if (!allowed) return `core area "${from}" has no floor in scripts/import-rules.ts (CORE_LAYERS)`;
  if (!allowed.includes(to))
    return `core/${from} may not import core/${to} (allowed: ${allowed.join(', ') || 'none'})`;
  return undefined;
}

/**
 * Tests: workspace packages allowed to the package's source or by TEST_RULES, declared in the
 * package's package.json (a package may import itself); relative imports stay inside the package.
 */
function checkTestImports(
  root: string,
  pkg: string,
  allowedWorkspace: readonly string[],
  declared: ReadonlySet<string>,
): Violation[] {
  const violations: Violation[] = [];
  const pkgDir = join(root, 'packages', pkg);
  const allowed = new Set([...allowedWorkspace, ...(TEST_RULES[pkg] ?? []), pkg]);
  const files = [...tsFiles(join(pkgDir, 'src')).filter(isTest), ...tsFiles(join(pkgDir, 'test'))];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const rel = relative(root, file);
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec) continue;
      const line = lineOf(text, m.index ?? 0);
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(pkgDir + sep))
          violations.push({
            file: rel,
            line,
            message: `a test of ${pkg} reaches into another package by path ("${spec}"); import it by name (its testing entry point)`,
          });
        continue;
      }
      const name = packageName(spec);
      if (!name.startsWith('@assay/')) continue; // npm packages: root devDependencies serve tests
      const target = name.slice('@assay/'.length);
      if (!allowed.has(target))
        violations.push({ file: rel, line, message: `a test of ${pkg} may not import @assay/${target}` });
      else if (target !== pkg && !declared.has(name))
        violations.push({
          file: rel,
          line,
          message: `a test of ${pkg} imports ${name} without declaring it in package.json`,
        });
    }
  }
  return violations;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? process.cwd();
  const violations = checkImports(root);
  for (const v of violations) process.stderr.write(`${v.file}:${v.line}: ${v.message}\n`);
  if (violations.length > 0) {
    process.stderr.write(`check-imports: ${violations.length} violation(s)\n`);
    process.exit(1);
  }
  process.stdout.write('check-imports: all package imports follow ARCHITECTURE.md\n');
}
