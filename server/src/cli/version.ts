// The package version, read once at build time by esbuild (JSON import) and at run time by tsx.
import packageJson from '../../../package.json';

export const version: string = packageJson.version;
