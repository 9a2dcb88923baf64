import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  initialGzipBytes: number;
  totalJsGzipBytes: number;
  initialFiles: string[];
}

/** Gzip size of the JS the browser loads before first render (entry script + modulepreloads) vs all JS. */
export function measureBundleSize(distDir: string): BundleSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const initialFiles = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => (m[1] ?? '').replace(/^\/crewlink\//, ''));
  const gz = (file: string) => gzipSync(readFileSync(join(distDir, file))).length;
  const manifest = readFileSync(join(distDir, 'sw.js'), 'utf8');
  const allJs = [...new Set([...manifest.matchAll(/url:"(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? ''))];
  return {
    initialFiles,
    initialGzipBytes: initialFiles.reduce((sum, f) => sum + gz(f), 0),
    totalJsGzipBytes: allJs.reduce((sum, f) => sum + gz(f), 0),
  };
}
