// enclint's own requests and notifications, shared by the server and the VS Code client. Only method
// names and shapes: each side uses its own copy of the protocol library (the client's is newer).
import type { TextDocumentIdentifier, TextEdit } from 'vscode-languageserver-protocol';

export interface ScanResult {
  files: number;
  findings: number;
  cancelled: boolean;
}

/** Rescans every supported file in the workspace folders (what "enclint: Scan Workspace" runs). */
export const SCAN_WORKSPACE = 'enclint/scanWorkspace';

export interface FixAllParams {
  textDocument: TextDocumentIdentifier;
}

export interface FixAllResponse {
  /** The document version the edits apply to. */
  version: number;
  edits: TextEdit[];
  /** How many findings the edits fix. */
  fixed: number;
  /** Findings left (no safe fix). */
  remaining: number;
}

/** The edits that apply every safe fix in one open document ("enclint: Fix All in File"). */
export const FIX_ALL = 'enclint/fixAll';

export interface StatusParams {
  state: 'idle' | 'scanning';
  /** Unsuppressed findings across open documents and scanned files. */
  findings: number;
  /** Files with at least one finding. */
  files: number;
}

/** Drives the client's status bar item. */
export const STATUS = 'enclint/status';
