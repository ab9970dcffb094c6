// file: URIs <-> paths. The engine speaks paths (kind detection, module siblings, related locations);
// the protocol speaks URIs. Other schemes (untitled:, vscode-vfs:) keep their URI path, so the kind is
// still detected from the file name and nothing is ever read from disk for them.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function isFileUri(uri: string): boolean {
  return uri.startsWith('file:');
}

export function uriToPath(uri: string): string {
  if (isFileUri(uri)) {
    try {
      return fileURLToPath(uri);
    } catch {
      // A malformed file URI (e.g. a host part on Linux): fall through to the raw path.
    }
  }
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

export function pathToUri(filePath: string): string {
  return pathToFileURL(path.resolve(filePath)).href;
}
