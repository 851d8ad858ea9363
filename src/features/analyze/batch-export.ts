import type { AnalysisOutcome } from '@/api';
import { cardView } from '@/model/card-view/card-view';
import { redactResult } from '@/model/fields/redact';
import { visibleJson, withoutHidden } from '@/lib/hidden-characters';

export interface ExportItem {
  /** The name the user gave the file: only a full export carries it. */
  file: string;
  /** What a redacted export calls the card instead (exportName in queue-item.ts). */
  name: string;
  service: string;
  status: string;
  error?: string;
  outcome?: AnalysisOutcome;
  ruleFailures?: number;
}

const BOM = '\uFEFF';

/** The card as an export names it, and its error, which may quote the file's name, the same way. */
function named(item: ExportItem, redacted: boolean): { file: string; error?: string } {
  if (!redacted) return { file: item.file, error: item.error };
  const error = item.file && item.error ? item.error.replaceAll(item.file, item.name) : item.error;
  return { file: item.name, error };
}

/**
 * RFC 4180 quoting, with hidden characters taken out (as on screen), and a leading ' where the first
 * character a spreadsheet reads past spaces is = + - or @, or the cell starts with a tab or a return, so
 * that it never runs a cell as a formula.
 */
function cell(value: string | number | null | undefined): string {
  let text = withoutHidden(value === null || value === undefined ? '' : String(value)).text;
  if (/^[\t\r]|^\s*[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One line per field (and one per card without fields), UTF-8 with a BOM and CRLF line ends so a
 * spreadsheet opens Korean text correctly. Values are masked, and cards named by exportName rather
 * than by their file's name, unless `redacted` is false.
 */
export function batchCsv(items: readonly ExportItem[], redacted: boolean): string {
  const header = ['file', 'service', 'idType', 'status', 'field', 'value', 'confidence', 'ruleFailures', 'error'];
  const lines = [header.join(',')];
  for (const item of items) {
    const { file, error } = named(item, redacted);
    const base = [file, item.service];
    if (!item.outcome) {
      lines.push([...base, '', item.status, '', '', '', '', error ?? ''].map(cell).join(','));
      continue;
    }
    const { fields, summary } = cardView(item.outcome);
    const idType = summary.idType ?? '';
    for (const field of fields) {
      const value = redacted ? field.maskedValue : field.value;
      const name = field.group ? `${field.key}${field.group}` : field.key;
      lines.push(
        [...base, idType, item.status, name, value, field.conf ?? '', item.ruleFailures ?? '', ''].map(cell).join(','),
      );
    }
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

export function batchJson(items: readonly ExportItem[], redacted: boolean): string {
  return visibleJson({
    exportedAt: new Date().toISOString(),
    redacted,
    items: items.map((item) => {
      const { file, error } = named(item, redacted);
      return {
        file,
        service: item.service,
        status: item.status,
        ...(error ? { error } : {}),
        ...(item.outcome ? { result: redacted ? redactResult(item.outcome) : item.outcome.result } : {}),
      };
    }),
  });
}
