/**
 * The Node versions package.json promises (`engines.node`) are ones every runtime dependency
 * supports: jsdom 30 and later need Node 22, so moving to it would break installs on Node 20.19
 * that this project says it runs on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const manifest = (path: string) =>
  JSON.parse(readFileSync(path, 'utf8')) as {
    engines?: { node?: string };
    dependencies?: Record<string, string>;
  };

describe('runtime dependencies', () => {
  it('each supports every Node version in engines.node, as installed', () => {
    const ours = manifest(join(root, 'package.json'));
    const promised = ours.engines?.node ?? '*';
    const unsupported = Object.keys(ours.dependencies ?? {}).flatMap((name) => {
      const theirs = manifest(join(root, 'node_modules', name, 'package.json')).engines?.node;
      return theirs && !semver.subset(promised, theirs) ? [`${name} needs node ${theirs}`] : [];
    });
    expect(unsupported).toEqual([]);
  });
});
