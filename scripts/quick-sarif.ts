// Kept for the commands that still call it: `npx tsx scripts/quick-sarif.ts <dir> <out.sarif>` now
// runs the real CLI (from source, so no build is needed). Prefer `enclint scan <dir> --format sarif
// --output <out.sarif>`, or `npm run bench:accuracy` to score the labeled corpus.
import { main } from '../server/src/cli/main';

async function quickSarif(): Promise<void> {
  const [dir, out] = process.argv.slice(2);
  if (!dir || !out) {
    console.error('usage: npx tsx scripts/quick-sarif.ts <dir> <out.sarif>   (same as: enclint scan <dir> --format sarif --output <out.sarif>)');
    process.exit(2);
  }
  const code = await main(['scan', dir, '--format', 'sarif', '--output', out], { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });
  // Findings are the point here, not a failure; only usage or configuration errors fail.
  process.exitCode = code === 2 ? 2 : 0;
}

void quickSarif();
