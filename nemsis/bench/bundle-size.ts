/**
 * Gzip size of the validator bundled for the browser: esbuild (the copy vite installs) bundles an
 * entry minified as ESM for the browser; node:zlib gzips it at level 9.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<{ outputFiles?: { contents: Uint8Array }[] }>;
}

export function loadEsbuild(repoRoot: string): EsbuildLike {
  const fromRoot = createRequire(join(repoRoot, 'package.json'));
  const fromVite = createRequire(fromRoot.resolve('vite/package.json'));
  return fromVite('esbuild') as EsbuildLike;
}

export interface BundleSize {
  label: string;
  minifiedBytes: number;
  gzipBytes: number;
}

/** Bundles `entry` (a file) or `contents` (an inline module resolved from `resolveDir`). */
export async function measureBundle(
  repoRoot: string,
  label: string,
  input: { entry: string } | { contents: string; resolveDir: string },
): Promise<BundleSize> {
  const esbuild = loadEsbuild(repoRoot);
  const result = await esbuild.build({
    ...('entry' in input
      ? { entryPoints: [input.entry] }
      : { stdin: { contents: input.contents, resolveDir: input.resolveDir, loader: 'ts', sourcefile: 'entry.ts' } }),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    absWorkingDir: dirname(join(repoRoot, 'package.json')),
  });
  const code = result.outputFiles?.[0]?.contents ?? new Uint8Array();
  return { label, minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}
